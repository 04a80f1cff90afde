using Microsoft.AspNetCore.Http.HttpResults;
using Samordna.Core.Access;
using Samordna.Core.Perpetrators;
using Samordna.Web.Access;

namespace Samordna.Web.Api;

/// <summary>The perpetrator route: motivation, offers and answers, police events.</summary>
public static class PerpetratorEndpoints
{
    public static void MapPerpetratorEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Perpetrator route").RequireCapability(Capability.CaseContent);

        cases.MapGet("/perpetrator-route", async Task<Ok<PerpetratorRouteView>> (Guid id, CurrentActor actor, PerpetratorRouteHandler route, CancellationToken ct) =>
            TypedResults.Ok(await route.Get(await actor.Get(ct), id, ct)))
            .WithName("getPerpetratorRoute").WithSummary("The perpetrator route of the case: motivation assessments, support offers and their answers, police events.");

        cases.MapPost("/motivation-assessments", async Task<Ok<MotivationAssessmentView>> (Guid id, AssessMotivation command, CurrentActor actor,
                PerpetratorRouteHandler route, CancellationToken ct) =>
            TypedResults.Ok(await route.Assess(await actor.Get(ct), id, command, ct)))
            .WithSummary("Intake assessment of the person's attitude to the violence and motivation to change (perpetrator cases).")
            .WithName("assessMotivation");

        cases.MapPost("/offers", async Task<Ok<SupportOfferView>> (Guid id, OfferSupport command, CurrentActor actor,
                PerpetratorRouteHandler route, CancellationToken ct) =>
            TypedResults.Ok(await route.Offer(await actor.Get(ct), id, command, ct)))
            .WithName("offerSupport").WithSummary("Offer support (channel and what is offered); the answer comes through POST /api/v1/offers/{id}/response.");

        cases.MapPost("/police-events", async Task<Ok<PoliceEventView>> (Guid id, RegisterPoliceEvent command, CurrentActor actor,
                PerpetratorRouteHandler route, CancellationToken ct) =>
            TypedResults.Ok(await route.RegisterPoliceEvent(await actor.Get(ct), id, command, ct)))
            .WithSummary("A police report, arrest, remand or release: linked perpetrator cases get a fast-contact task.")
            .WithName("registerPoliceEvent");

        api.MapPost("/offers/{id:guid}/response", async Task<Ok<SupportOfferView>> (Guid id, AnswerOffer command, CurrentActor actor,
                PerpetratorRouteHandler route, CancellationToken ct) =>
            TypedResults.Ok(await route.Answer(await actor.Get(ct), id, command, ct)))
            .WithTags("Perpetrator route").RequireCapability(Capability.CaseContent)
            .WithSummary("Accepted or declined; a decline schedules a re-contact reminder.")
            .WithName("answerOffer");
    }
}
