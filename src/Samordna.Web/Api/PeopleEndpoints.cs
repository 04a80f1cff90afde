using Microsoft.AspNetCore.Http.HttpResults;
using Samordna.Core;
using Samordna.Core.People;
using Samordna.Core.Access;
using Samordna.Web.Access;

namespace Samordna.Web.Api;

public static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People").RequireCapability(Capability.CaseContent);

        people.MapGet("/", async Task<Ok<Page<PersonSummary>>> (string? q, Guid? after, int? limit,
                CurrentActor actor, PersonQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.Search(await actor.Get(ct), q, after, limit ?? 50, ct)))
            .WithSummary("Search the register by name, pseudonym or number; keyset-paged with `after`.");

        people.MapGet("/{id:guid}", async Task<Ok<PersonDetails>> (Guid id, CurrentActor actor, PersonQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.Get(await actor.Get(ct), id, ct)));

        people.MapGet("/{id:guid}/register-extract", async Task<Ok<RegisterExtract>> (Guid id, CurrentActor actor,
                RegisterExtractQuery query, CancellationToken ct) =>
            TypedResults.Ok(await query.Produce(await actor.Get(ct), id, Samordna.Core.Audit.AuditAction.Export, ct)))
            .WithSummary("Registerutdrag (GDPR art. 15): what is stored about the person and which units accessed it.");

        people.MapPost("/", async Task<Created<PersonDetails>> (RegisterPerson command, CurrentActor actor,
                RegisterPersonHandler handler, CancellationToken ct) =>
        {
            var person = await handler.Handle(await actor.Get(ct), command, ct);
            return TypedResults.Created($"/api/v1/people/{person.Id}", person);
        }).WithSummary("Register a person. Personnummer and samordningsnummer are checked (format, date, check digit).");
    }
}
