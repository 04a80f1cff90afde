using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.People;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Cases;

/// <summary>
/// Ärendegrupper between units: a group's id alone lets nobody link a case into another unit's
/// household, and what a group shows of its cases is what the reader may open. The violence team
/// (relationsvåldsteamet) creates the households here; the treatment centre and the children's unit
/// are the other units.
/// </summary>
public abstract class CaseGroupAccessTests(SamordnaApp app)
{
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow.AddDays(-2);
    private readonly string _prefix = $"g{Guid.NewGuid():N}"[..9];

    private async Task<Guid> CreateGroup(HttpClient client, object? unitId = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/case-groups", new { kind = "household", label = $"Hushåll {_prefix}", unitId });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>A case stored directly, owned by <paramref name="unit"/>, optionally already in a group.</summary>
    private async Task<(Guid Case, string Subject)> StoredCase(Guid unit, CaseType type, string name, Guid? group = null)
    {
        var subject = $"{name} {_prefix}";
        var person = new Person(app.Asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, subject), Gender.Woman,
            ProtectedIdentityLevel.None, ContactDetails.Empty, At);
        var @case = new Case(app.Asby.OrganisationId, type, unit, person.Id, At, app.Asby.CaseworkerId, null);
        @case.AssignTo(app.Asby.CaseworkerId);
        if (group is { } id) @case.LinkToGroup(await app.InDatabase(db => db.Set<CaseGroup>().SingleAsync(g => g.Id == id)));
        await app.Store(person, @case);
        return (@case.Id, subject);
    }

    private Task<(Guid? Group, long Version)> Stored(Guid caseId) =>
        app.InDatabase(async db => await db.Set<Case>().Where(c => c.Id == caseId).Select(c => new ValueTuple<Guid?, long>(c.CaseGroupId, c.Version)).SingleAsync());

    private static async Task<JsonElement> Read(HttpClient client, Guid caseId)
    {
        var response = await client.GetAsync($"/api/v1/cases/{caseId}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static IEnumerable<Guid> GroupCaseIds(JsonElement @case) =>
        @case.GetProperty("group").GetProperty("caseIds").EnumerateArray().Select(e => e.GetGuid());

    /// <summary>What a 404 says, with the id asked for taken out: the same for a refused and a missing group.</summary>
    private static async Task<string> NotFoundWithout(HttpResponseMessage response, Guid id)
    {
        var problem = await response.ShouldBeProblem(HttpStatusCode.NotFound);
        return $"{problem.GetProperty("title").GetString()} | {problem.GetProperty("detail").GetString()!.Replace(id.ToString(), "{id}")}";
    }

    [Fact]
    public async Task Another_unit_cannot_link_its_case_into_a_group_by_its_id_and_is_answered_as_for_a_random_id()
    {
        var violenceTeam = await app.SignedIn(app.Asby.Caseworker);
        var group = await CreateGroup(violenceTeam);
        await StoredCase(app.Asby.ViolenceTeam, CaseType.AdultVictim, "Våldsutsatt", group);
        var (own, _) = await StoredCase(app.Asby.TreatmentCentre, CaseType.Perpetrator, "Utövare");
        var centre = await app.SignedIn(app.Asby.Therapist);

        var random = Guid.NewGuid();
        var refused = await NotFoundWithout(await centre.PutAsJsonAsync($"/api/v1/cases/{own}", new { version = 0, caseGroupId = group }), group);
        var missing = await NotFoundWithout(await centre.PutAsJsonAsync($"/api/v1/cases/{own}", new { version = 0, caseGroupId = random }), random);
        refused.ShouldBe(missing);
        refused.ShouldNotContain(_prefix);
        (await Stored(own)).ShouldBe((null, 0));

        // Opening a new case into the group is refused the same way, and stores nothing.
        var person = (await (await centre.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = $"Ny {_prefix}", gender = "man" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        object Opening(Guid caseGroupId) => new
        {
            type = "perpetrator", owningUnitId = app.Asby.TreatmentCentre, subjectPersonId = person, channel = "victimsCase", caseGroupId,
        };
        (await NotFoundWithout(await centre.PostAsJsonAsync("/api/v1/cases", Opening(group)), group))
            .ShouldBe(await NotFoundWithout(await centre.PostAsJsonAsync("/api/v1/cases", Opening(random)), random));
        (await app.InDatabase(db => db.Set<Case>().CountAsync(c => c.SubjectPersonId == person))).ShouldBe(0);
        (await app.InDatabase(db => db.Set<Case>().CountAsync(c => c.CaseGroupId == group))).ShouldBe(1);
    }

    [Fact]
    public async Task Another_unit_cannot_link_to_an_empty_group_and_the_creating_unit_can()
    {
        var violenceTeam = await app.SignedIn(app.Asby.Caseworker);
        var group = await CreateGroup(violenceTeam);
        var (other, _) = await StoredCase(app.Asby.TreatmentCentre, CaseType.Perpetrator, "Utövare");
        var (own, _) = await StoredCase(app.Asby.ViolenceTeam, CaseType.AdultVictim, "Våldsutsatt");

        await (await (await app.SignedIn(app.Asby.Therapist)).PutAsJsonAsync($"/api/v1/cases/{other}", new { version = 0, caseGroupId = group }))
            .ShouldBeProblem(HttpStatusCode.NotFound);
        (await Stored(other)).Group.ShouldBeNull();

        var linked = await violenceTeam.PutAsJsonAsync($"/api/v1/cases/{own}", new { version = 0, caseGroupId = group });
        linked.StatusCode.ShouldBe(HttpStatusCode.OK, await linked.Content.ReadAsStringAsync());
        GroupCaseIds(await linked.Content.ReadFromJsonAsync<JsonElement>()).ShouldBe([own]);
        (await Stored(own)).Group.ShouldBe(group);
    }

    [Fact]
    public async Task Once_a_group_has_cases_linking_needs_one_the_linker_may_open_even_for_the_creating_unit()
    {
        var violenceTeam = await app.SignedIn(app.Asby.Caseworker);
        var group = await CreateGroup(violenceTeam);
        await StoredCase(app.Asby.ChildrenUnit, CaseType.Child, "Barn", group);
        var (own, _) = await StoredCase(app.Asby.ViolenceTeam, CaseType.AdultVictim, "Våldsutsatt");

        await (await violenceTeam.PutAsJsonAsync($"/api/v1/cases/{own}", new { version = 0, caseGroupId = group }))
            .ShouldBeProblem(HttpStatusCode.NotFound);
        (await Stored(own)).Group.ShouldBeNull();
    }

    [Fact]
    public async Task A_unit_that_may_open_a_case_in_the_group_links_its_own_case_to_it()
    {
        var violenceTeam = await app.SignedIn(app.Asby.Caseworker);
        var group = await CreateGroup(violenceTeam);
        var (victim, _) = await StoredCase(app.Asby.ViolenceTeam, CaseType.AdultVictim, "Våldsutsatt", group);
        await app.Store(new Samordna.Core.Access.CaseTeamMember(app.Asby.OrganisationId, victim, app.Asby.TreatmentCentre,
            Samordna.Core.Access.CaseTeamReason.Consultation, app.Asby.CaseworkerId, At));
        var (own, _) = await StoredCase(app.Asby.TreatmentCentre, CaseType.Perpetrator, "Utövare");

        var linked = await (await app.SignedIn(app.Asby.Therapist)).PutAsJsonAsync($"/api/v1/cases/{own}", new { version = 0, caseGroupId = group });
        linked.StatusCode.ShouldBe(HttpStatusCode.OK, await linked.Content.ReadAsStringAsync());
        GroupCaseIds(await linked.Content.ReadFromJsonAsync<JsonElement>()).ShouldBe([victim, own], ignoreOrder: true);
    }

    [Fact]
    public async Task A_case_in_another_unit_s_group_shows_none_of_that_unit_s_cases_and_may_leave_the_group()
    {
        // A link made before linking was guarded: the centre's case sits in the violence team's household.
        var violenceTeam = await app.SignedIn(app.Asby.Caseworker);
        var group = await CreateGroup(violenceTeam);
        var (victim, victimName) = await StoredCase(app.Asby.ViolenceTeam, CaseType.AdultVictim, "Våldsutsatt", group);
        var (own, _) = await StoredCase(app.Asby.TreatmentCentre, CaseType.Perpetrator, "Utövare", group);
        var centre = await app.SignedIn(app.Asby.Therapist);

        var read = await Read(centre, own);
        GroupCaseIds(read).ShouldBe([own]);
        read.GetRawText().ShouldNotContain(victim.ToString());
        (await centre.Page($"/Cases/Show/{own}")).ShouldSatisfyAllConditions(
            html => html.ShouldNotContain(victim.ToString()),
            html => html.ShouldNotContain(victimName));

        var left = await centre.PutAsJsonAsync($"/api/v1/cases/{own}", new { version = 0, caseGroupId = (Guid?)null });
        left.StatusCode.ShouldBe(HttpStatusCode.OK, await left.Content.ReadAsStringAsync());
        (await left.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("group").ValueKind.ShouldBe(JsonValueKind.Null);
        (await Stored(own)).Group.ShouldBeNull();
        GroupCaseIds(await Read(violenceTeam, victim)).ShouldBe([victim]);
    }

    [Fact]
    public async Task A_household_with_a_case_the_reader_cannot_open_lists_the_others_only_in_one_logged_search()
    {
        var violenceTeam = await app.SignedIn(app.Asby.Caseworker);
        var group = await CreateGroup(violenceTeam);
        var (victim, victimName) = await StoredCase(app.Asby.ViolenceTeam, CaseType.AdultVictim, "Våldsutsatt", group);
        var (child, childName) = await StoredCase(app.Asby.ChildrenUnit, CaseType.Child, "Barn", group);
        var (perpetrator, _) = await StoredCase(app.Asby.TreatmentCentre, CaseType.Perpetrator, "Utövare", group);
        // The treatment centre is on the victim's case team, not on the child's.
        await app.Store(new Samordna.Core.Access.CaseTeamMember(app.Asby.OrganisationId, victim, app.Asby.TreatmentCentre,
            Samordna.Core.Access.CaseTeamReason.Consultation, app.Asby.CaseworkerId, At));
        var centre = await app.SignedIn(app.Asby.Therapist);

        GroupCaseIds(await Read(centre, perpetrator)).ShouldBe([victim, perpetrator], ignoreOrder: true);
        GroupCaseIds(await Read(violenceTeam, victim)).ShouldBe([victim]);

        var before = await app.InDatabase(db => db.Set<AuditEntry>().MaxAsync(e => (long?)e.Sequence)) ?? 0;
        var html = await centre.Page($"/Cases/Show/{perpetrator}");
        html.ShouldContain($"/Cases/Show/{victim}");
        html.ShouldContain(victimName);
        html.ShouldNotContain(child.ToString());
        html.ShouldNotContain(childName);

        var entries = await app.InDatabase(db => db.Set<AuditEntry>().Include(e => e.Subjects)
            .Where(e => e.OrganisationId == app.Asby.OrganisationId && e.Sequence > before).ToListAsync());
        var household = entries.Where(e => e.Subjects.Any(s => s.CaseId == victim)).ShouldHaveSingleItem();
        household.Action.ShouldBe(AuditAction.Search);
        entries.ShouldNotContain(e => e.Subjects.Any(s => s.CaseId == child));
    }

    [Fact]
    public async Task The_summary_form_on_the_case_page_keeps_the_group_and_the_responsible_worker()
    {
        var violenceTeam = await app.SignedIn(app.Asby.Caseworker);
        var group = await CreateGroup(violenceTeam);
        var (victim, _) = await StoredCase(app.Asby.ViolenceTeam, CaseType.AdultVictim, "Våldsutsatt", group);

        var saved = await violenceTeam.PostForm($"/Cases/Show/{victim}", $"/Cases/Show/{victim}?handler=Description",
            new() { ["Description.Version"] = "0", ["Description.Summary"] = "Skyddsplan upprättad." });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        var stored = await app.InDatabase(db => db.Set<Case>().Where(c => c.Id == victim)
            .Select(c => new { c.Summary, c.ResponsibleStaffId, c.CaseGroupId }).SingleAsync());
        stored.ShouldBe(new { Summary = (string?)"Skyddsplan upprättad.", ResponsibleStaffId = (Guid?)app.Asby.CaseworkerId, CaseGroupId = (Guid?)group });
    }

    [Fact]
    public async Task A_group_is_created_for_the_caller_s_only_unit_or_the_one_named_and_ambiguity_names_the_field()
    {
        var single = await CreateGroup(await app.SignedIn(app.Asby.Therapist));
        (await app.InDatabase(db => db.Set<CaseGroup>().Where(g => g.Id == single).Select(g => g.CreatedByUnitId).SingleAsync()))
            .ShouldBe(app.Asby.TreatmentCentre);

        var twoUnits = await app.AddStaff(app.Asby.OrganisationId, $"{_prefix}.tva",
            [(app.Asby.ViolenceTeam, StaffRole.Caseworker), (app.Asby.ChildrenUnit, StaffRole.Caseworker)]);
        var client = await app.SignedIn(twoUnits.UserName);
        var problem = await (await client.PostAsJsonAsync("/api/v1/case-groups", new { kind = "household", label = $"Hushåll {_prefix}" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["unitId"]);

        var named = await CreateGroup(client, app.Asby.ChildrenUnit);
        (await app.InDatabase(db => db.Set<CaseGroup>().Where(g => g.Id == named).Select(g => g.CreatedByUnitId).SingleAsync()))
            .ShouldBe(app.Asby.ChildrenUnit);
        await (await client.PostAsJsonAsync("/api/v1/case-groups", new { kind = "household", label = "Fel enhet", unitId = app.Asby.TreatmentCentre }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync("/api/v1/case-groups", new { kind = "household", label = "Fel kommun", unitId = app.Bergby.ViolenceTeam }))
            .ShouldBeProblem(HttpStatusCode.NotFound);
    }
}

public sealed class CaseGroupAccessOnSqlite(SqliteApp app) : CaseGroupAccessTests(app), IClassFixture<SqliteApp>;

public sealed class CaseGroupAccessOnPostgres(PostgresApp app) : CaseGroupAccessTests(app), IClassFixture<PostgresApp>;
