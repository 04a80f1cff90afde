using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Audit;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Access;

/// <summary>
/// A systemförvaltare binds a member of staff to an account at the identity provider (issuer and subject):
/// stored in the user logins, logged, one member per provider account, never for oneself.
/// </summary>
public abstract class OpenIdConnectAdministrationTests(SamordnaApp app)
{
    private const string Issuer = "https://login.asby.se";

    [Fact]
    public async Task A_binding_is_stored_replaced_logged_and_removed()
    {
        var (admin, member) = await AdministratorAndMember();
        var path = $"/api/v1/admin/staff/{member.Id}/provider-accounts";

        var bound = await admin.PutAsJsonAsync(path, new { issuer = Issuer, subject = "anna-1" });
        bound.StatusCode.ShouldBe(HttpStatusCode.OK, await bound.Content.ReadAsStringAsync());
        (await Links(admin, path)).ShouldBe([(Issuer, "anna-1")]);

        // Another subject of the same issuer replaces it; another issuer is a second binding.
        (await admin.PutAsJsonAsync(path, new { issuer = Issuer, subject = "anna-2" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync(path, new { issuer = "https://siths.example", subject = "x" })).EnsureSuccessStatusCode();
        (await Links(admin, path)).ShouldBe([("https://login.asby.se", "anna-2"), ("https://siths.example", "x")]);
        var stored = await app.InDatabase(db => db.UserLogins.AsNoTracking().Where(l => l.UserId == member.Id).Select(l => l.ProviderKey).OrderBy(k => k).ToListAsync());
        stored.ShouldBe(["anna-2", "x"]);

        (await admin.DeleteAsync($"{path}?issuer={Uri.EscapeDataString("https://siths.example")}")).EnsureSuccessStatusCode();
        (await Links(admin, path)).ShouldBe([(Issuer, "anna-2")]);
        await (await admin.DeleteAsync($"{path}?issuer={Uri.EscapeDataString("https://siths.example")}")).ShouldBeProblem(HttpStatusCode.NotFound);

        var entries = await app.InDatabase(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == AuditAction.LinkProviderAccount && e.Subjects.Any(s => s.StaffMemberId == member.Id)).ToListAsync());
        entries.Count.ShouldBe(4);
        entries.ShouldAllBe(e => e.Role == nameof(StaffRole.SystemAdministrator) && e.StaffMemberId != member.Id);
    }

    [Fact]
    public async Task A_provider_account_bound_to_someone_else_is_refused_and_nothing_changes()
    {
        var (admin, member) = await AdministratorAndMember();
        var other = await app.AddStaff(app.Asby.OrganisationId, $"annan.{Guid.NewGuid():N}"[..20], [(app.Asby.ViolenceTeam, StaffRole.Caseworker)]);
        (await admin.PutAsJsonAsync($"/api/v1/admin/staff/{member.Id}/provider-accounts", new { issuer = Issuer, subject = "shared" })).EnsureSuccessStatusCode();

        await (await admin.PutAsJsonAsync($"/api/v1/admin/staff/{other.Id}/provider-accounts", new { issuer = Issuer, subject = "shared" }))
            .ShouldBeProblem(HttpStatusCode.Conflict);
        (await Links(admin, $"/api/v1/admin/staff/{other.Id}/provider-accounts")).ShouldBeEmpty();
        (await Links(admin, $"/api/v1/admin/staff/{member.Id}/provider-accounts")).ShouldBe([(Issuer, "shared")]);
    }

    [Theory]
    [InlineData("https://login.asby.se", "")]
    [InlineData("https://login.asby.se", "a\u0000b")]
    [InlineData("inte en adress", "anna")]
    [InlineData("ftp://login.asby.se", "anna")]
    public async Task A_malformed_binding_is_refused_with_a_problem(string issuer, string subject)
    {
        var (admin, member) = await AdministratorAndMember();
        await (await admin.PutAsJsonAsync($"/api/v1/admin/staff/{member.Id}/provider-accounts", new { issuer, subject }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        (await app.InDatabase(db => db.UserLogins.CountAsync(l => l.UserId == member.Id))).ShouldBe(0);
    }

    private async Task<(HttpClient Admin, StaffMember Member)> AdministratorAndMember()
    {
        var admin = await app.AddStaff(app.Asby.OrganisationId, $"sf.{Guid.NewGuid():N}"[..20], [(app.Asby.ViolenceTeam, StaffRole.SystemAdministrator)]);
        var member = await app.AddStaff(app.Asby.OrganisationId, $"bind.{Guid.NewGuid():N}"[..20], [(app.Asby.ViolenceTeam, StaffRole.Caseworker)]);
        return (await app.SignedIn(admin.UserName), member);
    }

    private static async Task<List<(string, string)>> Links(HttpClient admin, string path)
    {
        var response = await admin.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Select(l => (l.GetProperty("issuer").GetString()!, l.GetProperty("subject").GetString()!)).ToList();
    }
}

public sealed class OpenIdConnectAdministrationOnSqlite(SqliteApp app) : OpenIdConnectAdministrationTests(app), IClassFixture<SqliteApp>;

public sealed class OpenIdConnectAdministrationOnPostgres(PostgresApp app) : OpenIdConnectAdministrationTests(app), IClassFixture<PostgresApp>;
