using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Audit;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;
using static Samordna.Web.Tests.Handovers.HandoverWorld;

namespace Samordna.Web.Tests.Handovers;

/// <summary>Handing a case from one unit to another: RVT decides, RVC treats.</summary>
public abstract class HandoverApiTests(SamordnaApp app, MovableClock clock)
{
    private readonly HandoverWorld _world = new(app, clock);

    [Fact]
    public async Task RVT_hands_a_case_to_RVC_whose_therapist_reads_the_case_and_summary_at_once_and_accepts_it()
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var caseId = await _world.OpenCase(caseworker, "Överlämnas till RVC");
        await (await therapist.GetAsync($"/api/v1/cases/{caseId}")).ShouldBeProblem(HttpStatusCode.NotFound);

        var handover = await _world.HandOver(caseworker, caseId, app.Asby.TreatmentCentre, queue: false);
        handover.GetProperty("status").GetString().ShouldBe("pending");
        handover.GetProperty("fromUnit").GetString().ShouldBe("Relationsvåldsteamet");
        handover.GetProperty("toUnit").GetString().ShouldBe("Relationsvåldscentrum");
        handover.GetProperty("mayAnswer").GetBoolean().ShouldBeFalse();
        var id = handover.GetProperty("id").GetGuid();

        var read = await Ok(await therapist.GetAsync($"/api/v1/cases/{caseId}"));
        read.GetProperty("accessRoute").GetString().ShouldBe("caseTeam");
        var team = read.GetProperty("team").EnumerateArray().ShouldHaveSingleItem();
        team.GetProperty("unitId").GetGuid().ShouldBe(app.Asby.TreatmentCentre);
        team.GetProperty("reason").GetString().ShouldBe("handover");

        var summary = await Ok(await therapist.GetAsync($"/api/v1/handovers/{id}"));
        summary.GetProperty("subjectName").GetString().ShouldBe("Överlämnas till RVC");
        summary.GetProperty("handedOverBy").GetString().ShouldBe("Åsby Handläggare");
        summary.GetProperty("summary").GetProperty("whatHappened").GetString().ShouldBe("Misshandlad av sambon i oktober, polisanmält.");
        summary.GetProperty("summary").GetProperty("assessments").GetString().ShouldBe("FREDA-farlighetsbedömning: förhöjd risk.");
        summary.GetProperty("summary").GetProperty("risks").GetString().ShouldBe("Sambon har kvar nycklar.");
        summary.GetProperty("summary").GetProperty("whatTheClientHasToldAlready").GetString().ShouldBe("Om våldet sedan 2024 och om barnen.");
        summary.GetProperty("mayAnswer").GetBoolean().ShouldBeTrue();

        await (await caseworker.PostAsync($"/api/v1/handovers/{id}/accept", null)).ShouldBeProblem(HttpStatusCode.Forbidden);
        var accepted = await Ok(await therapist.PostAsync($"/api/v1/handovers/{id}/accept", null));
        accepted.GetProperty("status").GetString().ShouldBe("accepted");
        accepted.GetProperty("acceptedBy").GetString().ShouldBe("Åsby Behandlare");
        accepted.GetProperty("mayAnswer").GetBoolean().ShouldBeFalse();
        await (await therapist.PostAsync($"/api/v1/handovers/{id}/accept", null)).ShouldBeProblem(HttpStatusCode.Conflict);

        var ofCase = await Ok(await caseworker.GetAsync($"/api/v1/cases/{caseId}/handovers"));
        ofCase.EnumerateArray().ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("accepted");
    }

    [Fact]
    public async Task The_receiving_unit_contributes_unless_the_owner_gives_it_full_scope_and_never_hands_the_case_on()
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var (unit, therapistName) = await _world.ReceivingUnit("Omfattningen");
        var therapist = await app.SignedIn(therapistName);
        var contributed = await _world.OpenCase(caseworker, "Medverkan");
        await _world.HandOver(caseworker, contributed, unit, queue: false);

        var read = await Ok(await therapist.GetAsync($"/api/v1/cases/{contributed}"));
        read.GetProperty("team").EnumerateArray().Single().GetProperty("scope").GetString().ShouldBe("contribute");
        read.GetProperty("operations").EnumerateArray().Select(o => o.GetString()).ShouldBe(
            ["read", "writeJournal", "workTasks", "recordAssessments", "runSupport"], ignoreOrder: true);
        var version = read.GetProperty("version").GetInt64();
        (await therapist.PostAsJsonAsync($"/api/v1/cases/{contributed}/transitions", new { transition = "startSupport", version }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var closing = await (await therapist.PostAsJsonAsync($"/api/v1/cases/{contributed}/transitions",
            new { transition = "close", version = version + 1, reason = "Behandlingen är klar." })).ShouldBeProblem(HttpStatusCode.Forbidden);
        closing.GetProperty("operation").GetString().ShouldBe("closeOrReopen");

        // Full scope lets a unit's caseworker close the case, but not hand it on; a behandlare there still makes no investigation decision.
        var full = await _world.OpenCase(caseworker, "Fullt ansvar");
        var response = await caseworker.PostAsJsonAsync($"/api/v1/cases/{full}/handovers", new
        {
            toUnitId = unit, whatHappened = "Hot i hemmet.", assessments = "Inga gjorda.", risks = "Okända.", whatTheClientHasToldAlready = "Om hoten.",
            scope = "full",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var fullRead = await Ok(await therapist.GetAsync($"/api/v1/cases/{full}"));
        fullRead.GetProperty("team").EnumerateArray().Single().GetProperty("scope").GetString().ShouldBe("full");
        var decide = await (await therapist.PostAsJsonAsync($"/api/v1/cases/{full}/transitions",
            new { transition = "startInvestigation", version = fullRead.GetProperty("version").GetInt64() })).ShouldBeProblem(HttpStatusCode.Forbidden);
        decide.GetProperty("operation").GetString().ShouldBe("decide");
        (await therapist.PostAsJsonAsync($"/api/v1/cases/{full}/transitions",
            new { transition = "close", version = fullRead.GetProperty("version").GetInt64(), reason = "Klienten har flyttat." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var handOn = await (await therapist.PostAsJsonAsync($"/api/v1/cases/{full}/handovers", new
        {
            toUnitId = app.Asby.ChildrenUnit, whatHappened = "x", assessments = "x", risks = "x", whatTheClientHasToldAlready = "x",
        })).ShouldBeProblem(HttpStatusCode.Forbidden);
        handOn.GetProperty("operation").GetString().ShouldBe("handOver");
    }

    [Fact]
    public async Task A_unit_already_on_the_case_team_is_not_added_twice_and_gets_one_pending_handover_at_a_time()
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var caseId = await _world.OpenCase(caseworker, "Redan i teamet");
        (await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/team", new { unitId = app.Asby.TreatmentCentre, reason = "consultation" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        await _world.HandOver(caseworker, caseId, app.Asby.TreatmentCentre, queue: false);
        var team = (await Ok(await caseworker.GetAsync($"/api/v1/cases/{caseId}"))).GetProperty("team").EnumerateArray().ShouldHaveSingleItem();
        team.GetProperty("reason").GetString().ShouldBe("consultation");

        var again = await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/handovers", new
        {
            toUnitId = app.Asby.TreatmentCentre, whatHappened = "a", assessments = "b", risks = "c", whatTheClientHasToldAlready = "d",
        });
        (await again.ShouldBeProblem(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("redan överlämnat");
    }

    [Fact]
    public async Task A_handover_without_summary_names_every_missing_field()
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var caseId = await _world.OpenCase(caseworker, "Utan sammanfattning");
        var problem = await (await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/handovers", new { toUnitId = app.Asby.TreatmentCentre }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .ShouldBe(["whatHappened", "assessments", "risks", "whatTheClientHasToldAlready"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_case_team_cannot_hand_the_case_over()
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var caseId = await _world.OpenCase(caseworker, "Teamet lämnar inte över");
        await _world.HandOver(caseworker, caseId, app.Asby.TreatmentCentre, queue: false);

        var response = await therapist.PostAsJsonAsync($"/api/v1/cases/{caseId}/handovers", new
        {
            toUnitId = app.Asby.ChildrenUnit, whatHappened = "a", assessments = "b", risks = "c", whatTheClientHasToldAlready = "d",
        });
        await response.ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await therapist.PostAsJsonAsync($"/api/v1/cases/{caseId}/waiting-list", new { unitId = app.Asby.TreatmentCentre }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_municipality_gets_404_for_the_case_the_handover_and_the_queue()
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var caseId = await _world.OpenCase(caseworker, "Annan kommun");
        var handover = await _world.HandOver(caseworker, caseId, app.Asby.TreatmentCentre, queue: true);
        var id = handover.GetProperty("id").GetGuid();
        var entry = handover.GetProperty("waitingListEntryId").GetGuid();

        var bergby = await app.SignedIn(app.Bergby.Caseworker);
        var bergbyTherapist = await app.SignedIn(app.Bergby.Therapist);
        await (await bergby.GetAsync($"/api/v1/handovers/{id}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await bergbyTherapist.PostAsync($"/api/v1/handovers/{id}/accept", null)).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await bergby.PostAsJsonAsync($"/api/v1/cases/{caseId}/handovers", new
        {
            toUnitId = app.Bergby.TreatmentCentre, whatHappened = "a", assessments = "b", risks = "c", whatTheClientHasToldAlready = "d",
        })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await bergbyTherapist.GetAsync($"/api/v1/units/{app.Asby.TreatmentCentre}/waiting-list")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await bergby.GetAsync($"/api/v1/waiting-list/{entry}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await bergby.PostAsJsonAsync($"/api/v1/waiting-list/{entry}/first-session", new { })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Ok(await bergby.GetAsync("/api/v1/handovers/pending"))).GetProperty("handovers").EnumerateArray()
            .ShouldNotContain(h => h.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_pending_handover_is_in_the_report_with_its_age_until_it_is_accepted()
    {
        var (unit, therapistName) = await _world.ReceivingUnit("rapport");
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var caseId = await _world.OpenCase(caseworker, "I rapporten");
        var id = (await _world.HandOver(caseworker, caseId, unit, queue: false)).GetProperty("id").GetGuid();

        caseworker = await _world.After(TimeSpan.FromDays(5), app.Asby.Caseworker);
        var report = await Ok(await caseworker.GetAsync("/api/v1/handovers/pending"));
        report.GetProperty("wholeMunicipality").GetBoolean().ShouldBeFalse();
        var row = report.GetProperty("handovers").EnumerateArray().Single(h => h.GetProperty("id").GetGuid() == id);
        row.GetProperty("ageInDays").GetInt32().ShouldBe(5);
        row.GetProperty("toUnit").GetString().ShouldBe("Mottagningen rapport");
        var perUnit = report.GetProperty("perReceivingUnit").EnumerateArray().Single(u => u.GetProperty("unitId").GetGuid() == unit);
        perUnit.GetProperty("count").GetInt32().ShouldBe(1);
        perUnit.GetProperty("oldestAgeInDays").GetInt32().ShouldBe(5);

        // A caseworker of an uninvolved unit does not see it; a unit manager sees the whole municipality.
        var children = await app.AddStaff(app.Asby.OrganisationId, $"barn.rapport.{app.Provider}".ToLowerInvariant(), [(app.Asby.ChildrenUnit, StaffRole.Caseworker)]);
        var manager = await app.AddStaff(app.Asby.OrganisationId, $"chef.rapport.{app.Provider}".ToLowerInvariant(), [(app.Asby.ChildrenUnit, StaffRole.UnitManager)]);
        (await Ok(await (await app.SignedIn(children.UserName)).GetAsync("/api/v1/handovers/pending"))).GetProperty("handovers").EnumerateArray()
            .ShouldNotContain(h => h.GetProperty("id").GetGuid() == id);
        var whole = await Ok(await (await app.SignedIn(manager.UserName)).GetAsync("/api/v1/handovers/pending"));
        whole.GetProperty("wholeMunicipality").GetBoolean().ShouldBeTrue();
        whole.GetProperty("handovers").EnumerateArray().ShouldContain(h => h.GetProperty("id").GetGuid() == id);

        var therapist = await app.SignedIn(therapistName);
        (await Ok(await therapist.GetAsync("/api/v1/handovers/pending"))).GetProperty("handovers").EnumerateArray()
            .ShouldContain(h => h.GetProperty("id").GetGuid() == id);
        await Ok(await therapist.PostAsync($"/api/v1/handovers/{id}/accept", null));

        var after = await Ok(await caseworker.GetAsync("/api/v1/handovers/pending"));
        after.GetProperty("handovers").EnumerateArray().ShouldNotContain(h => h.GetProperty("id").GetGuid() == id);
        after.GetProperty("perReceivingUnit").EnumerateArray().ShouldNotContain(u => u.GetProperty("unitId").GetGuid() == unit);
    }

    [Fact]
    public async Task Declining_needs_a_reason_closes_the_queue_place_and_takes_the_unit_off_the_case_team()
    {
        var (unit, therapistName) = await _world.ReceivingUnit("avboj");
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var therapist = await app.SignedIn(therapistName);
        var caseId = await _world.OpenCase(caseworker, "Avböjs");
        var handover = await _world.HandOver(caseworker, caseId, unit, queue: true);
        var id = handover.GetProperty("id").GetGuid();
        (await therapist.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await (await therapist.PostAsJsonAsync($"/api/v1/handovers/{id}/decline", new { reason = " " })).ShouldBeProblem(HttpStatusCode.BadRequest))
            .FieldErrors("reason").ShouldNotBeEmpty();
        var declined = await Ok(await therapist.PostAsJsonAsync($"/api/v1/handovers/{id}/decline", new { reason = "Klienten har redan behandling hos Manscentrum." }));
        declined.GetProperty("status").GetString().ShouldBe("declined");
        declined.GetProperty("declineReason").GetString().ShouldBe("Klienten har redan behandling hos Manscentrum.");

        await (await therapist.GetAsync($"/api/v1/cases/{caseId}")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Ok(await caseworker.GetAsync($"/api/v1/cases/{caseId}"))).GetProperty("team").GetArrayLength().ShouldBe(0);
        var place = await Ok(await caseworker.GetAsync($"/api/v1/waiting-list/{handover.GetProperty("waitingListEntryId").GetGuid()}"));
        place.GetProperty("status").GetString().ShouldBe("removed");
        place.GetProperty("removalReason").GetString()!.ShouldContain("Manscentrum");
        (await Ok(await caseworker.GetAsync($"/api/v1/handovers/{id}"))).GetProperty("declinedBy").GetString().ShouldBe("Behandlare avboj");
    }

    [Fact]
    public async Task Handing_over_reading_and_answering_are_logged_through_the_unit_that_acted_with_the_case_as_subject()
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var caseId = await _world.OpenCase(caseworker, "Loggad överlämning");
        var handover = await _world.HandOver(caseworker, caseId, app.Asby.TreatmentCentre, queue: true);
        var id = handover.GetProperty("id").GetGuid();
        await Ok(await therapist.GetAsync($"/api/v1/handovers/{id}"));
        await Ok(await therapist.GetAsync($"/api/v1/units/{app.Asby.TreatmentCentre}/waiting-list"));
        await Ok(await therapist.PostAsync($"/api/v1/handovers/{id}/accept", null));

        var entries = await app.InDatabase(db => db.Set<AuditEntry>()
            .Where(e => e.Subjects.Any(s => s.CaseId == caseId)).OrderBy(e => e.Sequence).ToListAsync());
        var handedOver = entries.Single(e => e.Action == AuditAction.HandOver);
        handedOver.UnitId.ShouldBe(app.Asby.ViolenceTeam);
        handedOver.StaffMemberId.ShouldBe(app.Asby.CaseworkerId);
        var read = entries.Single(e => e.Action == AuditAction.ReadCase && e.UnitId == app.Asby.TreatmentCentre);
        read.Role.ShouldBe(nameof(StaffRole.Therapist));
        var queue = entries.Single(e => e.Action == AuditAction.Search && e.UnitId == app.Asby.TreatmentCentre);
        queue.Subjects.ShouldContain(s => s.PersonId != null);
        var answered = entries.Single(e => e.Action == AuditAction.AnswerHandover);
        answered.UnitId.ShouldBe(app.Asby.TreatmentCentre);
        answered.Flags.HasFlag(AuditFlags.OutsideCaseload).ShouldBeTrue();
    }
}

public sealed class HandoverApiOnSqlite(MovableSqliteApp app) : HandoverApiTests(app, app.Time), IClassFixture<MovableSqliteApp>;

public sealed class HandoverApiOnPostgres(MovablePostgresApp app) : HandoverApiTests(app, app.Time), IClassFixture<MovablePostgresApp>;
