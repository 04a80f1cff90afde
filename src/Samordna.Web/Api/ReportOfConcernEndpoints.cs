using Microsoft.AspNetCore.Http.HttpResults;
using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.Classification;
using Samordna.Web.Access;

namespace Samordna.Web.Api;

public static class ReportOfConcernEndpoints
{
    public static void MapReportOfConcernEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports-of-concern").WithTags("Reports of concern").RequireCapability(Capability.CaseContent);

        reports.MapPost("/", async Task<Created<ReportOutcome>> (FileReportOfConcern command, CurrentActor actor, ReportOfConcernHandler handler,
            CancellationToken ct) =>
        {
            var filed = await handler.File(await actor.Get(ct), command, ct);
            return TypedResults.Created($"/api/v1/reports-of-concern/{filed.Id}", filed);
        }).WithSummary("Orosanmälan about a child, from any case: opens the child's case in the receiving unit with its deadlines.")
            .WithName("fileReportOfConcern");

        reports.MapGet("/{id:guid}", async Task<Ok<ReportOutcome>> (Guid id, CurrentActor actor, ReportOfConcernHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Outcome(await actor.Get(ct), id, ct)))
            .WithSummary("What became of the report: investigation opened or not, support started — for the reporting unit.")
            .WithName("getReportOutcome");

        api.MapGet("/classification", async Task<Ok<IReadOnlyList<ClassificationTermView>>> (Classifier classifier, CancellationToken ct) =>
                TypedResults.Ok(await classifier.Catalogue(ct)))
            .WithTags("Classification").RequireSignedIn()
            .WithSummary("The shared classification of violence: the same codes in every municipality.")
            .WithName("listClassificationTerms");
    }
}
