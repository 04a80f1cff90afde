using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;
using Samordna.Web.Access;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Access;

/// <summary>
/// Every registered endpoint — API and pages, found by reflection over the endpoint data source — is
/// called by every role in every relation to a case (owning unit, case team by scope, nödåtkomst, another
/// unit, another municipality; the unit manager is a role in each) for every operation its rows name,
/// and the answer is compared with what the access rules say, written out in <see cref="EndpointCatalogue"/>
/// independently of the code. An endpoint without a policy, or without a row, fails the test; so does any
/// unexpected allow or deny, and a refusal on a case the caller can see that is not a 403 naming the operation.
/// </summary>
public abstract class AccessMatrixTests(SamordnaApp app)
{
    /// <summary>The registered endpoints as "METHOD /pattern", with their policy metadata.</summary>
    private IReadOnlyList<(string Key, EndpointMetadataCollection Metadata)> Endpoints()
    {
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (Key: $"{method} /{e.RoutePattern.RawText?.Trim('/')}", e.Metadata)))
            .DistinctBy(x => x.Key)
            .ToList();
    }

    [Fact]
    public void Every_endpoint_names_exactly_one_policy_and_has_a_row_in_the_matrix()
    {
        var problems = new List<string>();
        var endpoints = Endpoints();
        foreach (var (key, metadata) in endpoints)
        {
            var policies = (metadata.GetMetadata<IAllowAnonymous>() is null ? 0 : 1)
                           + metadata.GetOrderedMetadata<RequireCapabilityAttribute>().Select(a => a.Capability).Distinct().Count()
                           + (metadata.GetMetadata<AnySignedInAttribute>() is null ? 0 : 1);
            if (policies != 1) problems.Add($"{key}: {policies} policies (needs exactly one of AllowAnonymous, RequireCapability, AnySignedIn)");
            if (!EndpointCatalogue.Table.Keys.Any(k => EndpointCatalogue.Endpoint(k) == key)) problems.Add($"{key}: no row in the access matrix");
        }
        foreach (var key in EndpointCatalogue.Table.Keys.Where(k => !endpoints.Any(e => e.Key == EndpointCatalogue.Endpoint(k))))
            problems.Add($"{key}: a matrix row for an endpoint that does not exist");
        foreach (var (key, row) in EndpointCatalogue.Table.Where(r => r.Value.Rule == EndpointCatalogue.Rule.TargetCase && r.Value.Operation is null))
            problems.Add($"{key}: an operation on the target case must name its operation");
        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_endpoint_for_every_role_and_relation_answers_as_the_rules_say()
    {
        var world = await AccessWorld.Create(app, $"m{app.Provider.ToString()[..2].ToLowerInvariant()}");
        var unexpectedAllows = new List<string>();
        var unexpectedDenies = new List<string>();
        var calls = 0;

        foreach (var (key, row) in EndpointCatalogue.Table.Where(r => r.Value.Rule != EndpointCatalogue.Rule.Anonymous).OrderBy(r => r.Key.Contains("DELETE /api/v1/session")))
        {
            // Without a session: the API answers 401, a page sends to the sign-in form.
            world.CallerUnit = null;
            world.CallerStaff = null;
            var anonymous = await app.Anonymous().SendAsync(await row.Request(world));
            if (!IsDenied(anonymous)) unexpectedAllows.Add($"{key} anonymous → {(int)anonymous.StatusCode}");

            foreach (var role in AccessWorld.Roles)
            foreach (var relation in AccessWorld.Relations)
            {
                var client = key == "DELETE /api/v1/session"
                    ? await app.SignedIn(world.UserNames[(role, relation)]) // signing out must not end the shared session
                    : await world.Client(role, relation);
                world.CallerUnit = world.UnitOf[relation];
                world.CallerStaff = world.StaffIds[(role, relation)];
                var response = await client.SendAsync(await row.Request(world));
                calls++;
                var expected = EndpointCatalogue.Allowed(row.Rule, role, relation, row.Operation);
                var what = $"{key} {role} {relation} → {(int)response.StatusCode} {await Brief(response)}";

                if (row.Rule == EndpointCatalogue.Rule.TakeEmergencyAccess && EndpointCatalogue.ContentRoles.Contains(role) && relation == Relation.OwnUnit)
                {
                    if (response.StatusCode != HttpStatusCode.Conflict) unexpectedAllows.Add(what + " (expected 409: already has access)");
                    continue;
                }
                if (expected && !IsAllowed(response)) unexpectedDenies.Add(what);
                if (!expected && !IsDenied(response)) unexpectedAllows.Add(what);
                if (!expected && EndpointCatalogue.RefusedVisibly(row.Rule, role, relation) && !await IsForbiddenNaming(response, key, row))
                    unexpectedDenies.Add(what + " (expected 403 naming the operation: the caller sees the case)");
            }
        }

        unexpectedAllows.ShouldBeEmpty($"{unexpectedAllows.Count} unexpected allows of {calls} calls:\n" + string.Join("\n", unexpectedAllows));
        unexpectedDenies.ShouldBeEmpty($"{unexpectedDenies.Count} unexpected denies of {calls} calls:\n" + string.Join("\n", unexpectedDenies));
        calls.ShouldBe((EndpointCatalogue.Table.Count(r => r.Value.Rule != EndpointCatalogue.Rule.Anonymous)) * AccessWorld.Roles.Length * AccessWorld.Relations.Length);
    }

    /// <summary>A 403; from the API also naming the refused operation (pages show it as a page).</summary>
    private static async Task<bool> IsForbiddenNaming(HttpResponseMessage response, string key, EndpointCatalogue.Row row)
    {
        if (response.StatusCode != HttpStatusCode.Forbidden) return false;
        if (!key.Contains(" /api/") || row.Operation is not { } operation) return true;
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return problem.TryGetProperty("operation", out var named) && named.GetString() == CasePermissions.Name(operation);
    }

    private static bool IsAllowed(HttpResponseMessage response) => (int)response.StatusCode is >= 200 and < 300;

    private static bool IsDenied(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound ||
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString() is { } to &&
        (to.Contains("/Account/Login") || to.Contains("/Account/Denied"));

    private static async Task<string> Brief(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return body.Length > 160 ? body[..160] : body;
    }
}

public sealed class AccessMatrixOnSqlite(SqliteApp app) : AccessMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class AccessMatrixOnPostgres(PostgresApp app) : AccessMatrixTests(app), IClassFixture<PostgresApp>;
