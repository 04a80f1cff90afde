using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Audit;
using Samordna.Core.People;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Access;

/// <summary>
/// Persons that cannot be taken over: a person belongs to the unit that registered them until they are in a
/// case, another unit can neither find nor add nor take them, and registering the number of a person one may
/// not see reveals nothing — it makes an ordinary record and a possible duplicate for the hidden person's unit.
/// Also the audit flags that are derived rather than passed: protected person, nödåtkomst with its reason, the role used.
/// </summary>
public abstract class PersonOwnershipTests(SamordnaApp app)
{
    private static int _serial = 300;

    /// <summary>A valid personnummer of its own for each test (the fixture database is shared).</summary>
    private static string FreshNumber()
    {
        var serial = Interlocked.Increment(ref _serial);
        return Enumerable.Range(0, 10)
            .Select(check => PersonalIdentityNumber.TryParse($"19790312{serial:000}{check}", new DateOnly(2026, 1, 1), out var n, out _) ? n!.Value : null)
            .Single(n => n is not null)!;
    }

    private async Task<HttpClient> Staff(string name, Guid unit, StaffRole role = StaffRole.Caseworker, bool clearance = false) =>
        await app.SignedIn((await app.AddStaff(app.Asby.OrganisationId, $"{name}.{app.Provider}.{Guid.NewGuid():N}"[..40].ToLowerInvariant(),
            [(unit, role)], clearance)).UserName);

    private static async Task<JsonElement> Register(HttpClient client, object person)
    {
        var response = await client.PostAsJsonAsync("/api/v1/people", person);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<Guid> OpenCase(HttpClient client, Guid unit, Guid person)
    {
        var response = await client.PostAsJsonAsync("/api/v1/cases", new { type = "adultVictim", owningUnitId = unit, subjectPersonId = person, channel = "selfReferral" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The 404 echoes the id asked for and carries a trace id; all else must be the same.</summary>
    private static async Task<string> Normalised(HttpResponseMessage response, Guid asked)
    {
        var json = JsonDocument.Parse((await response.Content.ReadAsStringAsync()).Replace(asked.ToString(), "ID")).RootElement;
        return $"{(int)response.StatusCode}|{json.GetProperty("title")}|{json.GetProperty("detail")}";
    }

    [Fact]
    public async Task A_person_registered_by_one_unit_cannot_be_found_added_or_taken_by_another()
    {
        var a = await Staff("a", app.Asby.ViolenceTeam);
        var b = await Staff("b", app.Asby.ChildrenUnit);
        var person = (await Register(a, new { identityKind = "none", pseudonym = "Enhet A:s klient", gender = "woman" })).GetProperty("id").GetGuid();

        (await b.GetAsync($"/api/v1/people/{person}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.GetStringAsync("/api/v1/people?q=Enhet A:s klient")).ShouldNotContain(person.ToString());

        var own = await Register(b, new { identityKind = "none", pseudonym = "Enhet B:s klient", gender = "man" });
        var bCase = await OpenCase(b, app.Asby.ChildrenUnit, own.GetProperty("id").GetGuid());
        var taken = await b.PostAsJsonAsync($"/api/v1/cases/{bCase}/parties", new { personId = person, role = "relative" });
        var nobody = Guid.NewGuid();
        var missing = await b.PostAsJsonAsync($"/api/v1/cases/{bCase}/parties", new { personId = nobody, role = "relative" });
        (await Normalised(taken, person)).ShouldBe(await Normalised(missing, nobody));
        taken.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A keeps her, before and after opening a case of its own.
        (await a.GetAsync($"/api/v1/people/{person}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await OpenCase(a, app.Asby.ViolenceTeam, person);
        (await a.GetAsync($"/api/v1/people/{person}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await b.GetAsync($"/api/v1/people/{person}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Re_registering_a_hidden_protected_person_s_number_answers_like_a_new_number_and_leaves_a_pending_match()
    {
        var a = await Staff("a", app.Asby.ViolenceTeam, clearance: true);
        var b = await Staff("b", app.Asby.ChildrenUnit);
        var number = FreshNumber();
        var hidden = (await Register(a, new
        {
            identityNumber = number, firstName = "Gömd", lastName = "Gömdsson", gender = "woman", protectedIdentity = "protectedRegistration",
            streetAddress = "Hemliga gatan 3",
        })).GetProperty("id").GetGuid();
        await OpenCase(a, app.Asby.ViolenceTeam, hidden);

        var fresh = await Register(b, new { identityNumber = FreshNumber(), firstName = "Ny", lastName = "Person", gender = "woman" });
        var again = await b.PostAsJsonAsync("/api/v1/people", new { identityNumber = number, firstName = "Ny", lastName = "Person", gender = "woman" });
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await again.Content.ReadAsStringAsync();
        body.ShouldNotContain("Gömd");
        body.ShouldNotContain("Hemliga");
        body.ShouldNotContain(hidden.ToString());
        var registered = JsonDocument.Parse(body).RootElement;
        registered.EnumerateObject().Select(p => p.Name).ShouldBe(fresh.EnumerateObject().Select(p => p.Name));
        registered.GetProperty("protectedIdentity").GetString().ShouldBe("none");
        var copy = registered.GetProperty("id").GetGuid();
        copy.ShouldNotBe(hidden);

        // Not a silent duplicate: a pending match, seen only by the unit that answers for the hidden record.
        var match = await app.InDatabase(db => db.Set<IdentityMatch>().SingleAsync(m => m.RegisteredPersonId == copy));
        match.ExistingPersonId.ShouldBe(hidden);
        match.Status.ShouldBe(IdentityMatchStatus.Pending);
        (await b.GetFromJsonAsync<JsonElement>("/api/v1/people/matches")).EnumerateArray().ShouldBeEmpty();
        await (await b.PostAsJsonAsync($"/api/v1/people/matches/{match.Id}/merge", new { })).ShouldBeProblem(HttpStatusCode.NotFound);
        var seen = (await a.GetFromJsonAsync<JsonElement>("/api/v1/people/matches")).EnumerateArray()
            .Single(m => m.GetProperty("id").GetGuid() == match.Id);
        seen.GetProperty("registered").GetProperty("id").GetGuid().ShouldBe(copy);

        // B works with its record; A merges; B's case now names the person A answers for, whose old record is gone from every view.
        var bCase = await OpenCase(b, app.Asby.ChildrenUnit, copy);
        (await a.PostAsync($"/api/v1/people/matches/{match.Id}/merge", null)).StatusCode.ShouldBe(HttpStatusCode.OK); // the version is optional, so is the body
        (await app.InDatabase(db => db.Set<Samordna.Core.Cases.Case>().SingleAsync(c => c.Id == bCase))).SubjectPersonId.ShouldBe(hidden);
        (await b.GetAsync($"/api/v1/people/{copy}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var afterMerge = await b.GetFromJsonAsync<JsonElement>($"/api/v1/people/{hidden}");
        afterMerge.GetProperty("contactHidden").GetBoolean().ShouldBeTrue();
        (await app.InDatabase(db => db.Set<Person>().SingleAsync(p => p.Id == copy))).MergedIntoPersonId.ShouldBe(hidden);

        // Both histories are kept, and the log review sees the match and its merge, flagged for the protected person.
        var entries = await app.InDatabase(db => db.Set<AuditEntry>()
            .Where(e => e.Action == AuditAction.IdentityMatchFound || e.Action == AuditAction.ResolveIdentityMatch)
            .Where(e => e.Subjects.Any(s => s.PersonId == copy)).ToListAsync());
        entries.Select(e => e.Action).ShouldBe([AuditAction.IdentityMatchFound, AuditAction.ResolveIdentityMatch], ignoreOrder: true);
        entries.ShouldAllBe(e => e.Flags.HasFlag(AuditFlags.ProtectedPerson));
        (await app.InDatabase(db => db.Set<AuditEntry>().CountAsync(e => e.Action == AuditAction.CreatePerson && e.Subjects.Any(s => s.PersonId == copy))))
            .ShouldBe(1);
    }

    [Fact]
    public async Task A_match_can_be_unlinked_and_the_register_then_holds_two_people_with_the_number()
    {
        var a = await Staff("a", app.Asby.ViolenceTeam);
        var b = await Staff("b", app.Asby.ChildrenUnit);
        var number = FreshNumber();
        var first = (await Register(a, new { identityNumber = number, firstName = "Första", lastName = "Posten", gender = "man" })).GetProperty("id").GetGuid();
        var second = (await Register(b, new { identityNumber = number, firstName = "Andra", lastName = "Posten", gender = "man" })).GetProperty("id").GetGuid();
        var match = await app.InDatabase(db => db.Set<IdentityMatch>().SingleAsync(m => m.RegisteredPersonId == second));

        // The registering unit of the copy sees it; registering the number once more is refused there, as for anyone who can see a holder.
        await (await b.PostAsJsonAsync("/api/v1/people", new { identityNumber = number, firstName = "Tredje", lastName = "Posten", gender = "man" }))
            .ShouldBeProblem(HttpStatusCode.Conflict);

        (await a.PostAsJsonAsync($"/api/v1/people/matches/{match.Id}/unlink", new { version = match.Version })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await a.PostAsJsonAsync($"/api/v1/people/matches/{match.Id}/merge", new { })).ShouldBeProblem(HttpStatusCode.Conflict);
        (await a.GetAsync($"/api/v1/people/{first}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await b.GetAsync($"/api/v1/people/{second}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Protected_identity_is_given_and_taken_by_the_units_that_answer_for_the_record_with_its_own_audit_entry()
    {
        var a = await Staff("a", app.Asby.ViolenceTeam);
        var person = await Register(a, new { identityKind = "none", pseudonym = "Blir skyddad", gender = "woman" });
        var id = person.GetProperty("id").GetGuid();
        var caseId = await OpenCase(a, app.Asby.ViolenceTeam, id);
        (await a.PostAsJsonAsync($"/api/v1/cases/{caseId}/team", new { unitId = app.Asby.TreatmentCentre, reason = "consultation" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var consulted = await Staff("rvc", app.Asby.TreatmentCentre, StaffRole.Therapist);
        (await consulted.GetAsync($"/api/v1/people/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await (await consulted.PutAsJsonAsync($"/api/v1/people/{id}/protected-identity", new { version = 0, level = "protectedRegistration" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        refused.GetProperty("operation").GetString().ShouldBe("changeProtectedIdentity");
        await (await (await Staff("b", app.Asby.ChildrenUnit)).PutAsJsonAsync($"/api/v1/people/{id}/protected-identity",
            new { version = 0, level = "protectedRegistration" })).ShouldBeProblem(HttpStatusCode.NotFound);

        var given = await a.PutAsJsonAsync($"/api/v1/people/{id}/protected-identity", new { version = 0, level = "protectedRegistration" });
        given.StatusCode.ShouldBe(HttpStatusCode.OK, await given.Content.ReadAsStringAsync());
        var version = (await given.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        (await a.PutAsJsonAsync($"/api/v1/people/{id}/protected-identity", new { version, level = "none" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await a.PutAsJsonAsync($"/api/v1/people/{id}/protected-identity", new { version, level = "none" })).ShouldBeProblem(HttpStatusCode.Conflict);

        var changes = await app.InDatabase(db => db.Set<AuditEntry>()
            .Where(e => e.Action == AuditAction.ChangeProtectedIdentity && e.Subjects.Any(s => s.PersonId == id)).ToListAsync());
        changes.Count.ShouldBe(2);
        changes.ShouldAllBe(e => e.Flags.HasFlag(AuditFlags.ProtectedPerson)); // giving and taking away are both found by the check
    }

    [Fact]
    public async Task Reading_a_protected_person_s_journal_is_flagged_though_no_call_site_passes_the_flag()
    {
        var a = await Staff("a", app.Asby.ViolenceTeam);
        var person = (await Register(a, new { identityKind = "none", pseudonym = "Skyddad journal", gender = "woman", protectedIdentity = "confidentialityMarking" }))
            .GetProperty("id").GetGuid();
        var caseId = await OpenCase(a, app.Asby.ViolenceTeam, person);
        (await a.PostAsJsonAsync($"/api/v1/cases/{caseId}/journal", new { text = "Samtal om skydd." })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await a.GetAsync($"/api/v1/cases/{caseId}/journal")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await a.GetAsync($"/api/v1/cases/{caseId}/tasks")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var entries = await app.InDatabase(db => db.Set<AuditEntry>().Where(e => e.Subjects.Any(s => s.CaseId == caseId)).ToListAsync());
        entries.Select(e => e.Action).ShouldContain(AuditAction.ReadJournal);
        entries.Select(e => e.Action).ShouldContain(AuditAction.WriteJournal);
        entries.ShouldAllBe(e => e.Flags.HasFlag(AuditFlags.ProtectedPerson), "every entry about her case names a protected person");

        // The positive control: the same reads of an ordinary person's case carry no such flag.
        var ordinary = (await Register(a, new { identityKind = "none", pseudonym = "Vanlig journal", gender = "woman" })).GetProperty("id").GetGuid();
        var ordinaryCase = await OpenCase(a, app.Asby.ViolenceTeam, ordinary);
        (await a.GetAsync($"/api/v1/cases/{ordinaryCase}/journal")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.InDatabase(db => db.Set<AuditEntry>().Where(e => e.Subjects.Any(s => s.CaseId == ordinaryCase)).ToListAsync()))
            .ShouldAllBe(e => !e.Flags.HasFlag(AuditFlags.ProtectedPerson));
    }

    [Fact]
    public async Task A_search_a_person_read_and_an_extract_under_emergency_access_carry_the_flag_and_the_reason()
    {
        var a = await Staff("a", app.Asby.ViolenceTeam);
        var person = (await Register(a, new { identityKind = "none", pseudonym = "Nattfallet", gender = "woman" })).GetProperty("id").GetGuid();
        var caseId = await OpenCase(a, app.Asby.ViolenceTeam, person);
        var jour = await Staff("jour", app.Asby.ChildrenUnit);
        const string reason = "Polisen ringer i natt, akut skyddsbehov.";
        (await jour.PostAsJsonAsync($"/api/v1/cases/{caseId}/emergency-access", new { reason })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await jour.GetStringAsync("/api/v1/people?q=Nattfallet")).ShouldContain(person.ToString());
        (await jour.GetAsync($"/api/v1/people/{person}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await jour.GetAsync($"/api/v1/people/{person}/register-extract")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var entries = await app.InDatabase(db => db.Set<AuditEntry>()
            .Where(e => e.Action == AuditAction.Search || e.Action == AuditAction.ReadPerson || e.Action == AuditAction.Export)
            .Where(e => e.Subjects.Any(s => s.PersonId == person)).ToListAsync());
        var jourEntries = entries.Where(e => e.Subjects.Count > 0 && e.ActorName.StartsWith("jour")).ToList();
        jourEntries.Select(e => e.Action).ShouldBe([AuditAction.Search, AuditAction.ReadPerson, AuditAction.Export], ignoreOrder: true);
        jourEntries.ShouldAllBe(e => e.Flags.HasFlag(AuditFlags.EmergencyAccess) && e.Purpose == reason);
        // The owning unit's own reads of her are not nödåtkomst.
        entries.Where(e => e.ActorName.StartsWith("a.")).ShouldAllBe(e => !e.Flags.HasFlag(AuditFlags.EmergencyAccess));
    }

    [Fact]
    public async Task The_pages_show_possible_duplicates_to_the_responsible_unit_only_and_change_protection_through_the_form()
    {
        var a = await Staff("a", app.Asby.ViolenceTeam);
        var b = await Staff("b", app.Asby.ChildrenUnit);
        var number = FreshNumber();
        var hidden = (await Register(a, new { identityNumber = number, firstName = "Sidan", lastName = "Dold", gender = "woman", protectedIdentity = "fictitiousIdentity" }))
            .GetProperty("id").GetGuid();
        var copy = (await Register(b, new { identityNumber = number, firstName = "Sidan", lastName = "Kopia", gender = "woman" })).GetProperty("id").GetGuid();

        System.Net.WebUtility.HtmlDecode(await b.Page("/People/Matches")).ShouldContain("Det finns inga möjliga dubbletter");
        var page = await a.Page("/People/Matches");
        page.ShouldContain("Sidan Kopia");
        var match = await app.InDatabase(db => db.Set<IdentityMatch>().SingleAsync(m => m.RegisteredPersonId == copy));
        (await a.PostForm("/People/Matches", $"/People/Matches?handler=Unlink&id={match.Id}", new() { ["version"] = match.Version.ToString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InDatabase(db => db.Set<IdentityMatch>().SingleAsync(m => m.Id == match.Id))).Status.ShouldBe(IdentityMatchStatus.Unlinked);

        // Only the unit that answers for the record gets the form; its post changes the level, with the version read.
        var show = $"/People/Show/{hidden}";
        (await a.Page(show)).ShouldContain("handler=Protection");
        (await b.Page($"/People/Show/{copy}")).ShouldContain("handler=Protection");
        (await a.PostForm(show, $"{show}?handler=Protection", new() { ["Protection.Version"] = "0", ["Protection.Level"] = "ProtectedRegistration" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InDatabase(db => db.Set<Person>().SingleAsync(p => p.Id == hidden))).ProtectedIdentity.ShouldBe(ProtectedIdentityLevel.ProtectedRegistration);
        var stale = await a.PostForm(show, $"{show}?handler=Protection", new() { ["Protection.Version"] = "0", ["Protection.Level"] = "None" });
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        System.Net.WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()).ShouldContain("har ändrats av någon annan");
    }

    [Fact]
    public async Task The_role_recorded_is_the_one_the_access_used_not_the_first_one_held()
    {
        var member = await app.AddStaff(app.Asby.OrganisationId, $"tva.roller.{app.Provider}".ToLowerInvariant(),
            [(app.Asby.ChildrenUnit, StaffRole.Analyst), (app.Asby.TreatmentCentre, StaffRole.Therapist), (app.Asby.ViolenceTeam, StaffRole.Caseworker)]);
        var client = await app.SignedIn(member.UserName);
        var person = (await Register(client, new { identityKind = "none", pseudonym = "Två roller", gender = "man", registeringUnitId = app.Asby.ViolenceTeam }))
            .GetProperty("id").GetGuid();
        var caseId = await OpenCase(client, app.Asby.ViolenceTeam, person);
        (await client.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var entries = await app.InDatabase(db => db.Set<AuditEntry>().Where(e => e.StaffMemberId == member.Id).ToListAsync());
        entries.ShouldNotBeEmpty();
        entries.ShouldAllBe(e => e.Role == nameof(StaffRole.Caseworker) && e.UnitId == app.Asby.ViolenceTeam);

        // An analyst's statistics read is logged in the analyst role, not left without one.
        var analyst = await app.AddStaff(app.Asby.OrganisationId, $"statistik.{app.Provider}".ToLowerInvariant(), [(app.Asby.ChildrenUnit, StaffRole.Analyst)]);
        (await (await app.SignedIn(analyst.UserName)).GetAsync("/api/v1/statistics/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var statistics = await app.InDatabase(db => db.Set<AuditEntry>().Where(e => e.StaffMemberId == analyst.Id).ToListAsync());
        statistics.ShouldHaveSingleItem().Action.ShouldBe(AuditAction.ReadStatistics);
        statistics.ShouldAllBe(e => e.Role == nameof(StaffRole.Analyst) && e.UnitId == app.Asby.ChildrenUnit);

        // Working in several units, the registering unit must be named.
        (await (await client.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = "Vilken enhet?", gender = "man" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest)).FieldErrors("registeringUnitId").ShouldNotBeEmpty();
    }
}

public sealed class PersonOwnershipOnSqlite(SqliteApp app) : PersonOwnershipTests(app), IClassFixture<SqliteApp>;

public sealed class PersonOwnershipOnPostgres(PostgresApp app) : PersonOwnershipTests(app), IClassFixture<PostgresApp>;
