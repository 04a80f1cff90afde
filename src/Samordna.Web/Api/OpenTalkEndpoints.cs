using Microsoft.AspNetCore.Http.HttpResults;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.OpenTalks;
using Samordna.Web.Access;

namespace Samordna.Web.Api;

/// <summary>Friyta: anonymous open talks without a decision, their end or conversion to a case, and their statistics.</summary>
public static class OpenTalkEndpoints
{
    public static void MapOpenTalkEndpoints(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/open-talks").WithTags("Open talks").RequireCapability(Capability.CaseContent);

        contacts.MapPost("/", async Task<Created<OpenTalkDetails>> (StartOpenTalk command, CurrentActor actor, StartOpenTalkHandler handler,
            CancellationToken ct) =>
        {
            var started = await handler.Handle(await actor.Get(ct), command, ct);
            return TypedResults.Created($"/api/v1/open-talks/{started.Id}", started);
        }).WithSummary("Start a friyta contact in your unit: give `personId`, or `pseudonym` and `gender` for a new anonymous contact. The talk limit comes from Samordna:OpenTalks:TalkLimit.")
            .WithName("startOpenTalk");

        contacts.MapGet("/", async Task<Ok<Page<OpenTalkSummary>>> (Guid? unit, Guid? before, int? limit, CurrentActor actor,
                OpenTalkQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.List(await actor.Get(ct), unit, before, limit ?? 50, ct)))
            .WithSummary("Friyta contacts you may see, newest first, with their warnings; `unit` for one unit's; keyset-paged with `before` (at most 200).")
            .WithName("listOpenTalks");

        contacts.MapGet("/{id:guid}", async Task<Ok<OpenTalkDetails>> (Guid id, CurrentActor actor, OpenTalkQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.Get(await actor.Get(ct), id, ct)))
            .WithName("getOpenTalk").WithSummary("The friyta contact with its talks, warnings and, once converted, its case.");

        contacts.MapPost("/{id:guid}/talks", async Task<Ok<OpenTalkDetails>> (Guid id, RecordTalk command, CurrentActor actor,
                RecordTalkHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(await actor.Get(ct), id, command, ct)))
            .WithSummary("Record a talk. Beyond the talk limit, or on an ended or converted contact, 409 says why: the way on is conversion.")
            .WithName("recordTalk");

        contacts.MapPost("/{id:guid}/end", async Task<Ok<OpenTalkDetails>> (Guid id, EndOpenTalk command, CurrentActor actor,
                EndOpenTalkHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(await actor.Get(ct), id, command, ct)))
            .WithSummary("End the contact without a case; `reason` (dropout reason) is required.")
            .WithName("endOpenTalk");

        contacts.MapPost("/{id:guid}/convert", async Task<Ok<OpenTalkDetails>> (Guid id, ConvertOpenTalk command, CurrentActor actor,
                ConvertOpenTalkHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(await actor.Get(ct), id, command, ct)))
            .WithSummary("Convert to a formal case with the person's recorded `consent` (without it: 409, the contact stays anonymous). " +
                         "The case carries the talks as journal entries and starts its support track at the first talk.")
            .WithName("convertOpenTalk");

        api.MapGet("/statistics/open-talks", async Task<Ok<OpenTalkReport>> (DateOnly? from, DateOnly? to, CurrentActor actor,
                OpenTalkStatistics statistics, CancellationToken ct) =>
                TypedResults.Ok(await statistics.Report(await actor.Get(ct), from, to, ct)))
            .WithTags("Statistics").RequireCapability(Capability.Statistics)
            .WithSummary("Friyta contacts started in the period (`from`, `to`; default this year) per unit and kind: talks, dropouts by reason, " +
                         "conversions, warnings. Anonymous contacts are counted; no identities leave.")
            .WithName("getOpenTalkStatistics");
    }
}
