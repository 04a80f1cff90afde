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
            .WithSummary("Search the register by name, pseudonym or number; keyset-paged with `after`.")
            .WithName("searchPeople");

        people.MapGet("/{id:guid}", async Task<Ok<PersonDetails>> (Guid id, CurrentActor actor, PersonQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.Get(await actor.Get(ct), id, ct)))
            .WithName("getPerson").WithSummary("The person as the caller may see them (a protected identity shows only to those cleared for it).");

        people.MapGet("/{id:guid}/register-extract", async Task<Ok<RegisterExtract>> (Guid id, CurrentActor actor,
                RegisterExtractQuery query, CancellationToken ct) =>
            TypedResults.Ok(await query.Produce(await actor.Get(ct), id, Samordna.Core.Audit.AuditAction.Export, ct)))
            .WithSummary("Registerutdrag (GDPR art. 15): what is stored about the person and which units accessed it.")
            .WithName("getRegisterExtract");

        people.MapPost("/", async Task<Created<PersonDetails>> (RegisterPerson command, CurrentActor actor,
                RegisterPersonHandler handler, CancellationToken ct) =>
        {
            var person = await handler.Handle(await actor.Get(ct), command, ct);
            return TypedResults.Created($"/api/v1/people/{person.Id}", person);
        }).WithSummary("Register a person. Personnummer and samordningsnummer are checked (format, date, check digit). " +
                       "`registeringUnitId`: your unit that registers them (needed when you work in several); until they are in a case, only it sees them.")
            .WithName("registerPerson");

        people.MapPut("/{id:guid}/protected-identity", async Task<Ok<PersonDetails>> (Guid id, ChangeProtectedIdentity command, CurrentActor actor,
                ChangeProtectedIdentityHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.Handle(await actor.Get(ct), id, command, ct)))
            .WithSummary("Give, change or take away skyddade personuppgifter (`level`, `version`). For the units that answer for the record; others get 403.")
            .WithName("changeProtectedIdentity");

        people.MapGet("/matches", async Task<Ok<IReadOnlyList<IdentityMatchView>>> (CurrentActor actor, IdentityMatches matches, CancellationToken ct) =>
            TypedResults.Ok(await matches.Pending(await actor.Get(ct), ct)))
            .WithSummary("Possible duplicates: records registered with the number of a record your units answer for, which the registrar could not see.")
            .WithName("listIdentityMatches");

        people.MapPost("/matches/{id:guid}/merge", async Task<Ok<IdentityMatchView>> (Guid id, ResolveIdentityMatch? command, CurrentActor actor,
                IdentityMatches matches, CancellationToken ct) =>
            TypedResults.Ok(await matches.Merge(await actor.Get(ct), id, command?.Version, ct)))
            .WithSummary("Merge: the registered record's cases, tasks and reports now name the existing person; the record is kept for its history.")
            .WithName("mergeIdentityMatch");

        people.MapPost("/matches/{id:guid}/unlink", async Task<Ok<IdentityMatchView>> (Guid id, ResolveIdentityMatch? command, CurrentActor actor,
                IdentityMatches matches, CancellationToken ct) =>
            TypedResults.Ok(await matches.Unlink(await actor.Get(ct), id, command?.Version, ct)))
            .WithSummary("Unlink: two different people; both records stay.")
            .WithName("unlinkIdentityMatch");
    }
}

/// <summary>The version of the match read, if the caller wants the resolution refused when it changed since.</summary>
public sealed record ResolveIdentityMatch(long? Version = null);
