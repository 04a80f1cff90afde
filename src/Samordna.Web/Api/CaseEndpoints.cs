using Microsoft.AspNetCore.Http.HttpResults;
using Samordna.Core.Cases;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Web.Access;

namespace Samordna.Web.Api;

public static class CaseEndpoints
{
    public static void MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases").RequireCapability(Capability.CaseContent);

        cases.MapGet("/", async Task<Ok<Page<CaseSummary>>> (Guid? unit, Guid? before, int? limit,
                CurrentActor actor, CaseQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.List(await actor.Get(ct), unit, before, limit ?? 50, ct)))
            .WithSummary("Cases, newest first; keyset-paged with `before`.")
            .WithName("listCases");

        cases.MapGet("/{id:guid}", async Task<Ok<CaseDetails>> (Guid id, CurrentActor actor, CaseQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.Get(await actor.Get(ct), id, ct)))
            .WithName("getCase").WithSummary("The case: parties, team, process, classification, tasks, and what the caller may do with it (`operations`).");

        cases.MapPost("/", async Task<Created<CaseDetails>> (OpenCase command, CurrentActor actor, OpenCaseHandler handler, CancellationToken ct) =>
        {
            var opened = await handler.Handle(await actor.Get(ct), command, ct);
            return TypedResults.Created($"/api/v1/cases/{opened.Id}", opened);
        })
            .WithName("openCase").WithSummary("Open a case in one of your units with its subject as first party; the legal deadlines of its type start.");

        cases.MapPut("/{id:guid}", async Task<Ok<CaseDetails>> (Guid id, UpdateCase command, CurrentActor actor,
                UpdateCaseHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(await actor.Get(ct), id, command, ct)))
            .WithSummary("Update description, responsible staff and group. `version` must be the one last read, else 409.")
            .WithName("updateCase");

        cases.MapPost("/{id:guid}/parties", async Task<Ok<CaseDetails>> (Guid id, AddCaseParty command, CurrentActor actor,
                AddCasePartyHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(await actor.Get(ct), id, command, ct)))
            .WithName("addCaseParty").WithSummary("Add a person to the case in a role (e.g. child, perpetrator, other party).");

        cases.MapGet("/{id:guid}/journal", async Task<Ok<IReadOnlyList<JournalEntryView>>> (Guid id, CurrentActor actor,
                CaseQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.Journal(await actor.Get(ct), id, ct)))
            .WithName("listJournalEntries").WithSummary("The case journal, oldest first; corrections point at the entry they correct.");

        cases.MapPost("/{id:guid}/journal", async Task<Created<JournalEntryView>> (Guid id, WriteJournalEntry command,
                CurrentActor actor, WriteJournalEntryHandler handler, CancellationToken ct) =>
        {
            var entry = await handler.Handle(await actor.Get(ct), id, command, ct);
            return TypedResults.Created($"/api/v1/cases/{id}/journal/{entry.Id}", entry);
        }).WithSummary("Append a journal entry; set `corrects` to correct an earlier one. Entries are never changed.")
            .WithName("writeJournalEntry");

        cases.MapGet("/{id:guid}/journal/{entryId:guid}", async Task<Ok<JournalEntryView>> (Guid id, Guid entryId, CurrentActor actor,
                CaseQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.JournalEntry(await actor.Get(ct), id, entryId, ct)))
            .WithName("getJournalEntry").WithSummary("One journal entry of the case, as written (the Location of a new entry).");

        cases.MapPost("/{id:guid}/team", async Task<Ok<CaseDetails>> (Guid id, AddToCaseTeam command, CurrentActor actor,
                AddToCaseTeamHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(await actor.Get(ct), id, command, ct)))
            .WithSummary("Let another unit work on the case (handover, referral, consultation). Owning unit only.")
            .WithName("addToCaseTeam");

        cases.MapPost("/{id:guid}/emergency-access", async Task<Ok<EmergencyAccessView>> (Guid id, TakeEmergencyAccess command,
                CurrentActor actor, TakeEmergencyAccessHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(await actor.Get(ct), id, command, ct)))
            .WithSummary("Nödåtkomst: open a case outside your rights, with a reason. Time-limited, logged and flagged for review.")
            .WithName("takeEmergencyAccess");

        cases.MapPost("/{id:guid}/transitions", async Task<Ok<CaseDetails>> (Guid id, TransitionCase command, CurrentActor actor,
                TransitionCaseHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(await actor.Get(ct), id, command, ct)))
            .WithSummary("A step on the investigation or support track, or closing/reopening (with reason). A step the law forbids answers 409 saying why.")
            .WithName("transitionCase");

        cases.MapPut("/{id:guid}/classification", async Task<Ok<CaseDetails>> (Guid id, Samordna.Core.Classification.ClassifyCase command,
                CurrentActor actor, Samordna.Core.Classification.Classifier classifier, CancellationToken ct) =>
            TypedResults.Ok(await classifier.Classify(await actor.Get(ct), id, command, ct)))
            .WithSummary("Set the violence classification (codes from GET /api/v1/classification).")
            .WithName("classifyCase");

        cases.MapGet("/{id:guid}/tasks", async Task<Ok<IReadOnlyList<CaseTaskView>>> (Guid id, CurrentActor actor, CaseTaskHandler tasks,
                CancellationToken ct) =>
            TypedResults.Ok(await tasks.OfCase(await actor.Get(ct), id, ct)))
            .WithName("listCaseTasks").WithSummary("The case's tasks with their legal deadlines and status.");

        cases.MapPost("/{id:guid}/investigation-extension", async Task<Ok<CaseTaskView>> (Guid id, ExtendInvestigation command,
                CurrentActor actor, CaseTaskHandler tasks, CancellationToken ct) =>
            TypedResults.Ok(await tasks.Extend(await actor.Get(ct), id, command, ct)))
            .WithSummary("Record a förlängning of a child investigation: the months in all and the särskilda skäl.")
            .WithName("extendInvestigation");

        var groups = api.MapGroup("/case-groups").WithTags("Cases").RequireCapability(Capability.CaseContent);
        groups.MapGet("/{id:guid}", async Task<Ok<CaseGroupSummary>> (Guid id, CurrentActor actor, CaseQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.Group(await actor.Get(ct), id, ct)))
            .WithName("getCaseGroup").WithSummary("A case group with those of its cases you may open; 404 unless you may open one of them " +
                                                  "(or, while it is empty, work with cases in the unit that created it).");

        groups.MapPost("/", async Task<Created<CaseGroupSummary>> (CreateCaseGroup command, CurrentActor actor,
                CreateCaseGroupHandler handler, CancellationToken ct) =>
        {
            var group = await handler.Handle(await actor.Get(ct), command, ct);
            return TypedResults.Created($"/api/v1/case-groups/{group.Id}", group);
        })
            .WithName("createCaseGroup").WithSummary("Create a case group (e.g. a household) that cases can join through `caseGroupId`.");
    }
}
