using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.People;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Access;

/// <summary>
/// A person with skyddad folkbokföring must not leak through a list, a search, an export, a statistic
/// or an error message: every way to her is walked and the answers are searched for her whereabouts.
/// </summary>
public abstract class ProtectedIdentityLeakTests(SamordnaApp app) : IAsyncLifetime
{
    private const string Street = "Hemliga vägen 7";
    private const string Phone = "070-999 88 77";
    private const string Email = "gomd@example.se";
    private static readonly string[] Secrets = [Street, "Hemliga", Phone, "999 88 77", Email];

    private static int _serial = 100;
    private string _number = "";
    private Guid _person;
    private Guid _victimCase;
    private Guid _perpetratorCase;
    private string _prefix = "";

    public async Task InitializeAsync()
    {
        _prefix = $"l{app.Provider.ToString()[..2].ToLowerInvariant()}";
        var at = DateTimeOffset.UtcNow.AddDays(-2);
        // xunit makes a new instance per test: each gets her own (valid) number in the same fixture database.
        var serial = Interlocked.Increment(ref _serial);
        var number = Enumerable.Range(0, 10)
            .Select(check => PersonalIdentityNumber.TryParse($"19811218{serial:000}{check}", new DateOnly(2026, 1, 1), out var n, out _) ? n : null)
            .Single(n => n is not null);
        _number = number!.Value;
        var person = new Person(app.Asby.OrganisationId, PersonIdentity.Of(number!), new PersonName("Skyddad", "Skyddadsson"), Gender.Woman,
            ProtectedIdentityLevel.ProtectedRegistration, new ContactDetails(Street, "599 99", "Åsby", Phone, Email), at);
        var perpetrator = new Person(app.Asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, "Man 7"), Gender.Man,
            ProtectedIdentityLevel.None, ContactDetails.Empty, at);
        var victimCase = new Case(app.Asby.OrganisationId, CaseType.AdultVictim, app.Asby.ViolenceTeam, person.Id, at, app.Asby.CaseworkerId, "Skyddat boende ordnat");
        var perpetratorCase = new Case(app.Asby.OrganisationId, CaseType.Perpetrator, app.Asby.TreatmentCentre, perpetrator.Id, at, app.Asby.CaseworkerId, null);
        await app.Store(person, perpetrator, victimCase, perpetratorCase, perpetratorCase.AddParty(person.Id, PartyRole.Victim));
        (_person, _victimCase, _perpetratorCase) = (person.Id, victimCase.Id, perpetratorCase.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> Staff(string name, Guid unit, StaffRole role, bool clearance) =>
        await app.SignedIn((await app.AddStaff(app.Asby.OrganisationId, $"{_prefix}.{name}.{Guid.NewGuid():N}"[..40], [(unit, role)], clearance)).UserName);

    private static async Task<string> ShouldNotLeak(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        foreach (var secret in Secrets) body.ShouldNotContain(secret, Shouldly.Case.Sensitive, $"{what} leaked '{secret}'");
        return body;
    }

    [Fact]
    public async Task With_the_clearance_and_access_to_her_case_her_address_is_shown_so_the_checks_below_can_fail()
    {
        var cleared = await Staff("behorig", app.Asby.ViolenceTeam, StaffRole.Caseworker, clearance: true);
        (await cleared.GetStringAsync($"/api/v1/people/{_person}")).ShouldContain(Street);
        (await cleared.GetStringAsync($"/People/Show/{_person}")).ShouldContain("Hemliga v");
    }

    [Fact]
    public async Task Staff_with_access_but_no_clearance_see_the_case_but_never_where_she_is()
    {
        var caseworker = await Staff("utan", app.Asby.ViolenceTeam, StaffRole.Caseworker, clearance: false);

        var list = await ShouldNotLeak(await caseworker.GetAsync("/api/v1/cases?limit=100"), "the case list");
        list.ShouldContain(_victimCase.ToString());
        var search = await ShouldNotLeak(await caseworker.GetAsync("/api/v1/people?q=Skyddad"), "the person search");
        search.ShouldContain(_person.ToString());
        await ShouldNotLeak(await caseworker.GetAsync("/api/v1/people?q=811218"), "a search by number");
        var person = JsonDocument.Parse(await ShouldNotLeak(await caseworker.GetAsync($"/api/v1/people/{_person}"), "the person")).RootElement;
        person.GetProperty("contactHidden").GetBoolean().ShouldBeTrue();
        await ShouldNotLeak(await caseworker.GetAsync($"/api/v1/cases/{_victimCase}"), "the case");

        await ShouldNotLeak(await caseworker.GetAsync("/Cases"), "the case list page");
        await ShouldNotLeak(await caseworker.GetAsync($"/Cases/Show/{_victimCase}"), "the case page");
        await ShouldNotLeak(await caseworker.GetAsync("/People?q=Skyddad"), "the search page");
        await ShouldNotLeak(await caseworker.GetAsync($"/People/Show/{_person}"), "the person page");
    }

    [Fact]
    public async Task The_perpetrator_s_therapist_sees_her_as_a_party_without_any_whereabouts()
    {
        var therapist = await Staff("behandlare", app.Asby.TreatmentCentre, StaffRole.Therapist, clearance: false);
        var body = await ShouldNotLeak(await therapist.GetAsync($"/api/v1/cases/{_perpetratorCase}"), "the perpetrator's case");
        body.ShouldContain("\"protectedIdentity\":\"protectedRegistration\"");
        await ShouldNotLeak(await therapist.GetAsync($"/Cases/Show/{_perpetratorCase}"), "the perpetrator's case page");
        await ShouldNotLeak(await therapist.GetAsync($"/api/v1/people/{_person}"), "her record through the perpetrator's case");
    }

    [Fact]
    public async Task Exports_omit_her_whereabouts_even_for_staff_with_the_clearance()
    {
        var cleared = await Staff("export", app.Asby.ViolenceTeam, StaffRole.Caseworker, clearance: true);
        var extract = await cleared.GetAsync($"/api/v1/people/{_person}/register-extract");
        extract.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ShouldNotLeak(extract, "the register extract")).ShouldContain("Skyddadsson");
        var printed = await cleared.GetAsync($"/People/Extract/{_person}");
        printed.StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldNotLeak(printed, "the printed register extract");
    }

    [Fact]
    public async Task Statistics_count_her_and_say_nothing_else_about_her()
    {
        var analyst = await Staff("analytiker", app.Asby.ViolenceTeam, StaffRole.Analyst, clearance: false);
        var body = await ShouldNotLeak(await analyst.GetAsync("/api/v1/statistics/cases"), "the statistics");
        body.ShouldNotContain(_person.ToString());
        body.ShouldNotContain("Skyddad");
        var rows = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        var victimsWomen = rows.Single(r => r.GetProperty("type").GetString() == "adultVictim" && r.GetProperty("gender").GetString() == "woman");
        var stored = await app.InDatabase(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Set<Case>(), c => c.OrganisationId == app.Asby.OrganisationId && c.Type == CaseType.AdultVictim &&
                db.Set<Person>().Any(p => p.Id == c.SubjectPersonId && p.Gender == Gender.Woman)));
        victimsWomen.GetProperty("cases").GetInt32().ShouldBe(stored);
        stored.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Without_access_to_her_case_she_answers_exactly_like_a_person_who_does_not_exist()
    {
        // Another unit, even with the clearance: no case of hers is theirs.
        var outsider = await Staff("annan", app.Asby.ChildrenUnit, StaffRole.Caseworker, clearance: true);
        var hers = await outsider.GetAsync($"/api/v1/people/{_person}");
        var nobody = Guid.NewGuid();
        var missing = await outsider.GetAsync($"/api/v1/people/{nobody}");
        hers.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Normalise(await ShouldNotLeak(hers, "the 404"), _person).ShouldBe(Normalise(await missing.Content.ReadAsStringAsync(), nobody));

        (await ShouldNotLeak(await outsider.GetAsync("/api/v1/people?q=Skyddad"), "another unit's search")).ShouldNotContain(_person.ToString());
        (await outsider.GetAsync($"/api/v1/people/{_person}/register-extract")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/People/Show/{_person}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Registering her number again answers like a new number: an ordinary record of the outsider's own, with nothing about her.
        var again = await outsider.PostAsJsonAsync("/api/v1/people", new { identityNumber = _number, firstName = "A", lastName = "B", gender = "woman" });
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await ShouldNotLeak(again, "the registration of her number");
        body.ShouldNotContain("Skyddad");
        body.ShouldNotContain(_person.ToString());
    }

    [Fact]
    public async Task Another_municipality_never_finds_her()
    {
        var bergby = await app.SignedIn(app.Bergby.Caseworker);
        (await bergby.GetAsync($"/api/v1/people/{_person}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ShouldNotLeak(await bergby.GetAsync("/api/v1/people?q=811218"), "another municipality's search")).ShouldNotContain(_person.ToString());
    }

    /// <summary>The 404 echoes the id that was asked for and carries a trace id; everything else must be the same.</summary>
    private static string Normalise(string problem, Guid asked)
    {
        var json = JsonDocument.Parse(problem.Replace(asked.ToString(), "ID")).RootElement;
        return $"{json.GetProperty("status")}|{json.GetProperty("title")}|{json.GetProperty("detail")}|{json.GetProperty("instance")}";
    }
}

public sealed class ProtectedIdentityLeaksOnSqlite(SqliteApp app) : ProtectedIdentityLeakTests(app), IClassFixture<SqliteApp>;

public sealed class ProtectedIdentityLeaksOnPostgres(PostgresApp app) : ProtectedIdentityLeakTests(app), IClassFixture<PostgresApp>;
