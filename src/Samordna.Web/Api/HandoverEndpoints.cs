using Microsoft.AspNetCore.Http.HttpResults;
using Samordna.Core.Access;
using Samordna.Core.Handovers;
using Samordna.Web.Access;

namespace Samordna.Web.Api;

/// <summary>Handovers between units (överlämning) and the receiving units' waiting lists (kö).</summary>
public static class HandoverEndpoints
{
    public static void MapHandoverEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Handovers").RequireCapability(Capability.CaseContent);

        cases.MapPost("/{id:guid}/handovers", async Task<Created<HandoverView>> (Guid id, HandOver command, CurrentActor actor,
                HandOverHandler handler, CancellationToken ct) =>
        {
            var handover = await handler.Handle(await actor.Get(ct), id, command, ct);
            return TypedResults.Created($"/api/v1/handovers/{handover.Id}", handover);
        }).WithSummary("Hand the case to another unit with a summary (what happened, assessments, risks, what the client has told). " +
                       "The unit joins the case team at once with `scope` (consult, contribute — the default — or full); `queue: true` also puts the client in its waiting list. Owning unit only.")
            .WithName("handOverCase");

        cases.MapGet("/{id:guid}/handovers", async Task<Ok<IReadOnlyList<HandoverRow>>> (Guid id, CurrentActor actor,
                HandoverQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.OfCase(await actor.Get(ct), id, ct)))
            .WithSummary("The case's handovers, newest first.")
            .WithName("listCaseHandovers");

        cases.MapPost("/{id:guid}/waiting-list", async Task<Created<WaitingListEntryView>> (Guid id, Enqueue command, CurrentActor actor,
                WaitingListHandler handler, CancellationToken ct) =>
        {
            var entry = await handler.Enqueue(await actor.Get(ct), id, command, ct);
            return TypedResults.Created($"/api/v1/waiting-list/{entry.Id}", entry);
        }).WithSummary("Queue the client at a unit without a handover (the unit joins the case team as a referral). Owning unit only.")
            .WithName("enqueueCase");

        var handovers = api.MapGroup("/handovers").WithTags("Handovers").RequireCapability(Capability.CaseContent);

        handovers.MapGet("/pending", async Task<Ok<PendingHandoversReport>> (CurrentActor actor, HandoverQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.Pending(await actor.Get(ct), ct)))
            .WithSummary("Ej slutförda överlämningar: handovers never accepted or declined, with age in days, per receiving unit. " +
                         "Those to or from your units; the whole municipality for unit managers.")
            .WithName("listPendingHandovers");

        handovers.MapGet("/{id:guid}", async Task<Ok<HandoverView>> (Guid id, CurrentActor actor, HandoverQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.Get(await actor.Get(ct), id, ct)))
            .WithSummary("The handover and its summary, for anyone who may open the case.")
            .WithName("getHandover");

        handovers.MapPost("/{id:guid}/accept", async Task<Ok<HandoverView>> (Guid id, CurrentActor actor, ReceiveHandoverHandler handler,
                CancellationToken ct) =>
            TypedResults.Ok(await handler.Accept(await actor.Get(ct), id, ct)))
            .WithSummary("Accept the handover. Staff of the receiving unit only.")
            .WithName("acceptHandover");

        handovers.MapPost("/{id:guid}/decline", async Task<Ok<HandoverView>> (Guid id, DeclineHandover command, CurrentActor actor,
                ReceiveHandoverHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Decline(await actor.Get(ct), id, command, ct)))
            .WithSummary("Decline the handover with a reason. The unit leaves the case team if it joined through the handover. Staff of the receiving unit only.")
            .WithName("declineHandover");

        api.MapGet("/units/{id:guid}/waiting-list", async Task<Ok<WaitingListView>> (Guid id, CurrentActor actor, WaitingListHandler handler,
                CancellationToken ct) =>
            TypedResults.Ok(await handler.Queue(await actor.Get(ct), id, ct)))
            .WithTags("Handovers").RequireCapability(Capability.CaseContent)
            .WithSummary("The unit's waiting list, first in line first: position, days waited, and an alert past Samordna:WaitingList:AlertAfterDays. Staff of the unit only.")
            .WithName("getWaitingList");

        var entries = api.MapGroup("/waiting-list").WithTags("Handovers").RequireCapability(Capability.CaseContent);

        entries.MapGet("/{id:guid}", async Task<Ok<WaitingListEntryView>> (Guid id, CurrentActor actor, WaitingListHandler handler,
                CancellationToken ct) =>
            TypedResults.Ok(await handler.Get(await actor.Get(ct), id, ct)))
            .WithName("getWaitingListEntry").WithSummary("A place in a waiting list: position, days waited, interim contacts.");

        entries.MapPost("/{id:guid}/interim-contacts", async Task<Ok<WaitingListEntryView>> (Guid id, AddInterimContact command,
                CurrentActor actor, WaitingListHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.AddInterimContact(await actor.Get(ct), id, command, ct)))
            .WithSummary("Log a contact with the waiting client (`kind`: phone, letter or meeting; a short `note`).")
            .WithName("addInterimContact");

        entries.MapPost("/{id:guid}/first-session", async Task<Ok<WaitingListEntryView>> (Guid id, RecordFirstSession? command,
                CurrentActor actor, WaitingListHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.RecordFirstSession(await actor.Get(ct), id, command ?? new RecordFirstSession(), ct)))
            .WithSummary("Record the first session (`at`, default now): the wait ends, its length in days is recorded, and the case's support track starts.")
            .WithName("recordFirstSession");

        entries.MapPost("/{id:guid}/remove", async Task<Ok<WaitingListEntryView>> (Guid id, RemoveFromQueue command, CurrentActor actor,
                WaitingListHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Remove(await actor.Get(ct), id, command, ct)))
            .WithSummary("Take the client out of the queue without a session, with a `reason`.")
            .WithName("removeFromWaitingList");
    }
}
