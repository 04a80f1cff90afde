using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Audit;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Api;

/// <summary>
/// A 201's Location is a resource one can read: the same body as the 201, behind the same access rule as its
/// neighbours, and the read of personal data logged.
/// </summary>
public abstract class CreatedLocationTests(SamordnaApp app)
{
    private readonly string _prefix = $"loc{Guid.NewGuid():N}"[..12];

    private async Task<Guid> OpenVictimCase(HttpClient client)
    {
        var person = await client.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = "Platsen", gender = "woman" });
        person.StatusCode.ShouldBe(HttpStatusCode.Created, await person.Content.ReadAsStringAsync());
        var opened = await client.PostAsJsonAsync("/api/v1/cases", new
        {
            type = "adultVictim", owningUnitId = app.Asby.ViolenceTeam, channel = "application",
            subjectPersonId = (await person.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>GETs the 201's Location and holds the answer against the 201's body.</summary>
    private static async Task<JsonElement> ReadBackTheSame(HttpClient client, HttpResponseMessage created)
    {
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.Location.ShouldNotBeNull();
        var read = await client.GetAsync(created.Headers.Location);
        read.StatusCode.ShouldBe(HttpStatusCode.OK, await read.Content.ReadAsStringAsync());
        var body = await read.Content.ReadAsStringAsync();
        ToStoredPrecision(body).ShouldBe(ToStoredPrecision(await created.Content.ReadAsStringAsync()));
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>
    /// PostgreSQL keeps times to the microsecond, while a 201 shows the clock's 100 ns ticks: the read-back is the same
    /// instant to the precision stored, so fractions are compared to six digits.
    /// </summary>
    private static string ToStoredPrecision(string json) =>
        Regex.Replace(json, @"(T\d{2}:\d{2}:\d{2})\.(\d+)", m =>
        {
            var fraction = m.Groups[2].Value[..Math.Min(6, m.Groups[2].Value.Length)].TrimEnd('0');
            return fraction.Length == 0 ? m.Groups[1].Value : $"{m.Groups[1].Value}.{fraction}";
        });

    private Task<int> Logged(AuditAction action, Guid staffMemberId, Guid caseId) =>
        app.InDatabase(db => db.Set<AuditEntry>().AsNoTracking()
            .CountAsync(e => e.Action == action && e.StaffMemberId == staffMemberId && e.Subjects.Any(s => s.CaseId == caseId)));

    [Fact]
    public async Task A_new_journal_entry_is_read_at_its_Location_under_the_journal_s_rule_and_the_read_is_logged()
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var caseId = await OpenVictimCase(caseworker);
        var written = await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/journal", new { text = "Samtal om skyddet." });
        var entry = await ReadBackTheSame(caseworker, written);
        entry.GetProperty("text").GetString().ShouldBe("Samtal om skyddet.");
        (await Logged(AuditAction.ReadJournal, app.Asby.CaseworkerId, caseId)).ShouldBe(1);

        var location = written.Headers.Location!;
        // The treatment centre is not on the case's team; the other municipality cannot see it at all: both as missing.
        await (await (await app.SignedIn(app.Asby.Therapist)).GetAsync(location)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await (await app.SignedIn(app.Bergby.Caseworker)).GetAsync(location)).ShouldBeProblem(HttpStatusCode.NotFound);
        // An entry under another case the reader may open is as missing as an unknown one.
        var otherCase = await OpenVictimCase(caseworker);
        var entryId = entry.GetProperty("id").GetGuid();
        var misplaced = await (await caseworker.GetAsync($"/api/v1/cases/{otherCase}/journal/{entryId}")).ShouldBeProblem(HttpStatusCode.NotFound);
        var unknown = await (await caseworker.GetAsync($"/api/v1/cases/{caseId}/journal/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound);
        misplaced.GetProperty("title").GetString().ShouldBe(unknown.GetProperty("title").GetString());
        (await Logged(AuditAction.ReadJournal, app.Asby.CaseworkerId, caseId)).ShouldBe(1);
    }

    [Fact]
    public async Task A_new_case_group_is_read_at_its_Location_by_those_who_may_link_to_it_and_its_cases_read_are_logged()
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var created = await caseworker.PostAsJsonAsync("/api/v1/case-groups", new { kind = "household", label = $"Hushåll {_prefix}" });
        var group = await ReadBackTheSame(caseworker, created);
        group.GetProperty("caseIds").GetArrayLength().ShouldBe(0);
        var location = created.Headers.Location!;
        // Empty, the group is the creating unit's alone.
        await (await (await app.SignedIn(app.Asby.Therapist)).GetAsync(location)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await (await app.SignedIn(app.Bergby.Caseworker)).GetAsync(location)).ShouldBeProblem(HttpStatusCode.NotFound);

        var caseId = await OpenVictimCase(caseworker);
        var version = (await caseworker.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("version").GetInt64();
        (await caseworker.PutAsJsonAsync($"/api/v1/cases/{caseId}", new { version, caseGroupId = group.GetProperty("id").GetGuid() }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await Logged(AuditAction.Search, app.Asby.CaseworkerId, caseId);
        var read = await caseworker.GetFromJsonAsync<JsonElement>(location);
        read.GetProperty("caseIds").EnumerateArray().Select(c => c.GetGuid()).ShouldBe([caseId]);
        (await Logged(AuditAction.Search, app.Asby.CaseworkerId, caseId)).ShouldBe(before + 1);
        await (await (await app.SignedIn(app.Asby.Therapist)).GetAsync(location)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_new_member_of_staff_is_read_at_its_Location_by_the_municipality_s_systemforvaltare_only()
    {
        var admin = await app.AddStaff(app.Asby.OrganisationId, $"{_prefix}.admin", [(app.Asby.ViolenceTeam, StaffRole.SystemAdministrator)]);
        var client = await app.SignedIn(admin.UserName);
        var created = await client.PostAsJsonAsync("/api/v1/admin/staff", new
        {
            userName = $"{_prefix}.ny", displayName = "Ny Medarbetare", password = "en-lang-losenfras-2026",
            roles = new[] { new { unitId = app.Asby.ChildrenUnit, role = "caseworker" } },
        });
        var member = await ReadBackTheSame(client, created);
        member.GetProperty("userName").GetString().ShouldBe($"{_prefix}.ny");
        member.GetProperty("pendingRequest").ValueKind.ShouldBe(JsonValueKind.Object);

        var location = created.Headers.Location!;
        var bergbyAdmin = await app.AddStaff(app.Bergby.OrganisationId, $"{_prefix}.bergby", [(app.Bergby.ViolenceTeam, StaffRole.SystemAdministrator)]);
        await (await (await app.SignedIn(bergbyAdmin.UserName)).GetAsync(location)).ShouldBeProblem(HttpStatusCode.NotFound);
        // Staff administration is a capability of its own, as for the list and PUT: a caseworker is refused outright.
        await (await (await app.SignedIn(app.Asby.Caseworker)).GetAsync(location)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}

public sealed class CreatedLocationOnSqlite(SqliteApp app) : CreatedLocationTests(app), IClassFixture<SqliteApp>;

public sealed class CreatedLocationOnPostgres(PostgresApp app) : CreatedLocationTests(app), IClassFixture<PostgresApp>;
