using Microsoft.AspNetCore.Http.HttpResults;
using Samordna.Core.Access;
using Samordna.Core.Statistics;
using Samordna.Web.Access;

namespace Samordna.Web.Api;

public static class StatisticsEndpoints
{
    public static void MapStatisticsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/statistics/cases", async Task<Ok<IReadOnlyList<CaseCount>>> (CurrentActor actor, CaseStatistics statistics, CancellationToken ct) =>
                TypedResults.Ok(await statistics.ByTypeAndGender(await actor.Get(ct), ct)))
            .WithTags("Statistics").RequireCapability(Capability.Statistics)
            .WithSummary("Cases by type and the subject's gender in your municipality: counts only.")
            .WithName("getCaseStatistics");
    }
}
