using Microsoft.AspNetCore.Http.HttpResults;
using Samordna.Core.Organisations;
using Samordna.Web.Access;

namespace Samordna.Web.Api;

public static class OrganisationEndpoints
{
    public static void MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organisation", async Task<Ok<OrganisationView>> (CurrentActor actor, OrganisationQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.Mine(await actor.Get(ct), ct)))
            .WithTags("Organisation").RequireSignedIn().WithSummary("The caller's municipality and its units.")
            .WithName("getOrganisation");
    }
}
