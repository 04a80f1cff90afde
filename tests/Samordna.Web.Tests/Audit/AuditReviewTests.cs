using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samordna.Core.Cases;
using Samordna.Core.People;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Audit;

/// <summary>The saved checks of the log review find what they are for, and only that.</summary>
public abstract class AuditReviewTests(SamordnaApp app)
{
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow.AddDays(-1);
    private readonly string _prefix = $"r{Guid.NewGuid():N}"[..10];

    private async Task<HttpClient> Reviewer() => await app.SignedIn((await app.AddStaff(app.Asby.OrganisationId, $"{_prefix}.granskare",
        [(app.Asby.ViolenceTeam, StaffRole.AuditReviewer)])).UserName);

    private async Task<(Guid Case, Guid Person)> VictimCase(string pseudonym, ProtectedIdentityLevel protection = ProtectedIdentityLevel.None,
        string? lastName = null, string? street = null, string? number = null)
    {
        PersonIdentity identity = PersonIdentity.Anonymous();
        if (number is not null && PersonalIdentityNumber.TryParse(number, new DateOnly(2026, 1, 1), out var parsed, out _)) identity = PersonIdentity.Of(parsed!);
        var person = new Person(app.Asby.OrganisationId, identity, new PersonName(lastName is null ? null : "Per", lastName, pseudonym), Gender.Man,
            protection, new ContactDetails(street, null, null, null, null), At);
        var @case = new Case(app.Asby.OrganisationId, CaseType.AdultVictim, app.Asby.ViolenceTeam, person.Id, At, app.Asby.CaseworkerId, null);
        @case.AssignTo(app.Asby.CaseworkerId);
        await app.Store(person, @case);
        return (@case.Id, person.Id);
    }

    private static async Task<List<JsonElement>> Findings(HttpClient reviewer, string check, string query = "") =>
        (await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/audit/findings/{check}{query}")).EnumerateArray().ToList();

    [Fact]
    public async Task A_member_of_staff_opening_many_cases_outside_their_caseload_is_found_above_the_threshold()
    {
        var leader = await app.AddStaff(app.Asby.OrganisationId, $"{_prefix}.ledare", [(app.Asby.ViolenceTeam, StaffRole.TeamLeader)]);
        var client = await app.SignedIn(leader.UserName);
        for (var i = 0; i < 3; i++)
        {
            var (caseId, _) = await VictimCase($"Utanför {i}");
            (await client.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        // The responsible caseworker reading their own case is never "outside the caseload".
        var own = await VictimCase("Egen");
        (await (await app.SignedIn(app.Asby.Caseworker)).GetAsync($"/api/v1/cases/{own.Case}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var reviewer = await Reviewer();
        var found = await Findings(reviewer, "manyCasesOutsideCaseload", "?threshold=3");
        found.ShouldContain(f => f.GetProperty("staffMemberId").GetGuid() == leader.Id && f.GetProperty("description").GetString()!.Contains("3 ärenden"));
        found.ShouldNotContain(f => f.GetProperty("staffMemberId").GetGuid() == app.Asby.CaseworkerId);
        (await Findings(reviewer, "manyCasesOutsideCaseload", "?threshold=50")).ShouldNotContain(f => f.GetProperty("staffMemberId").GetGuid() == leader.Id);
    }

    [Fact]
    public async Task Access_to_one_s_own_record_and_to_a_relative_s_is_found()
    {
        var caseworker = await app.AddStaff(app.Asby.OrganisationId, $"{_prefix}.lind", [(app.Asby.ViolenceTeam, StaffRole.Caseworker)],
            displayName: "Karin Lind");
        await app.InDatabase(async db =>
        {
            var member = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<StaffMember>(), s => s.Id == caseworker.Id);
            member.SetPrivateDetails("197010632391", "Ekvägen 3");
            return await db.SaveChangesAsync();
        });
        var herself = await VictimCase("Hon själv", lastName: "Lind", number: "701063-2391");
        var husband = await VictimCase("Maken", lastName: "Lind", street: "Ekvägen 3");
        var stranger = await VictimCase("Främling", lastName: "Lind", street: "Annan väg 1");
        var client = await app.SignedIn(caseworker.UserName);
        foreach (var person in new[] { herself.Person, husband.Person, stranger.Person })
            (await client.GetAsync($"/api/v1/people/{person}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var found = (await Findings(await Reviewer(), "ownOrRelativeRecord")).Where(f => f.GetProperty("staffMemberId").GetGuid() == caseworker.Id).ToList();
        found.Select(f => f.GetProperty("personId").GetGuid()).ShouldBe([herself.Person, husband.Person], ignoreOrder: true);
        found.Single(f => f.GetProperty("personId").GetGuid() == herself.Person).GetProperty("description").GetString().ShouldBe("Åtkomst till egna uppgifter");
    }

    [Fact]
    public async Task Every_access_to_a_protected_person_is_found_and_the_review_itself_is_logged()
    {
        var (caseId, person) = await VictimCase("Skyddad", ProtectedIdentityLevel.FictitiousIdentity);
        var client = await app.SignedIn(app.Asby.Caseworker);
        (await client.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/v1/people/{person}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var reviewer = await Reviewer();
        var found = await Findings(reviewer, "protectedPersons");
        found.Where(f => f.GetProperty("personId").ValueKind == JsonValueKind.String && f.GetProperty("personId").GetGuid() == person)
            .Select(f => f.GetProperty("action").GetString()).ShouldBe(["readCase", "readPerson"], ignoreOrder: true);

        var byPerson = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/audit/entries?person={person}");
        byPerson.GetProperty("items").GetArrayLength().ShouldBeGreaterThanOrEqualTo(2);
        var reviews = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/audit/entries?action=reviewAuditLog&person={person}");
        reviews.GetProperty("items").GetArrayLength().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_unit_manager_reviews_the_staff_of_their_own_units_only()
    {
        var manager = await app.AddStaff(app.Asby.OrganisationId, $"{_prefix}.chef", [(app.Asby.ChildrenUnit, StaffRole.UnitManager)]);
        var childWorker = await app.AddStaff(app.Asby.OrganisationId, $"{_prefix}.bou", [(app.Asby.ChildrenUnit, StaffRole.Caseworker)]);
        (await (await app.SignedIn(childWorker.UserName)).GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.SignedIn(app.Asby.Caseworker)).GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var seen = (await (await app.SignedIn(manager.UserName)).GetFromJsonAsync<JsonElement>("/api/v1/audit/entries?limit=200"))
            .GetProperty("items").EnumerateArray().Select(e => e.GetProperty("staffMemberId").GetGuid()).Distinct().ToList();
        seen.ShouldContain(childWorker.Id);
        seen.ShouldNotContain(app.Asby.CaseworkerId);
    }

    [Fact]
    public async Task An_unknown_check_is_a_clear_400()
    {
        var problem = await (await (await Reviewer()).GetAsync("/api/v1/audit/findings/everything")).ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.FieldErrors("check").Single().ShouldContain("emergencyAccess");
    }
}

public sealed class AuditReviewOnSqlite(SqliteApp app) : AuditReviewTests(app), IClassFixture<SqliteApp>;

public sealed class AuditReviewOnPostgres(PostgresApp app) : AuditReviewTests(app), IClassFixture<PostgresApp>;
