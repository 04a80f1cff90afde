using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Cases;

/// <summary>
/// A whole household through the API, the way the units share it: the victim's case comes in by a
/// police report, two children are registered, orosanmälan is filed, the children's unit meets its
/// deadlines, the perpetrator's five anonymous talks become a case with his consent, his treatment
/// runs while the investigation is open, he is handed to treatment and waits in its queue, and the
/// victim's case cannot be closed while a child is left unreported.
/// </summary>
public abstract class HouseholdJourneyTests(SamordnaApp app)
{
    private readonly string _prefix = $"h{Guid.NewGuid():N}"[..9];

    private static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<Guid> Register(HttpClient client, object person) =>
        (await Ok(await client.PostAsJsonAsync("/api/v1/people", person), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<JsonElement> Step(HttpClient client, Guid caseId, string transition, string? reason = null)
    {
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("version").GetInt64();
        return await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/transitions", new { transition, version, reason }) is var r
            ? JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone() is var body && (int)r.StatusCode is >= 200 and < 300
                ? body
                : throw new ShouldAssertException($"{transition} answered {(int)r.StatusCode}: {body}")
            : default;
    }

    private static IEnumerable<JsonElement> Tasks(JsonElement @case, string kind) =>
        @case.GetProperty("tasks").EnumerateArray().Where(t => t.GetProperty("kind").GetString() == kind);

    [Fact]
    public async Task A_household_from_police_report_to_children_s_investigations_and_a_consenting_perpetrator_in_treatment()
    {
        var rvt = await app.SignedIn(app.Asby.Caseworker);
        var childWorker = await app.AddStaff(app.Asby.OrganisationId, $"{_prefix}.bou", [(app.Asby.ChildrenUnit, StaffRole.Caseworker)]);
        var bou = await app.SignedIn(childWorker.UserName);

        // Intake by police report.
        var group = (await Ok(await rvt.PostAsJsonAsync("/api/v1/case-groups", new { kind = "household", label = $"Hushåll {_prefix}" }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var victim = await Register(rvt, new { identityKind = "none", pseudonym = $"Kvinna {_prefix}", gender = "woman" });
        var victimCase = await Ok(await rvt.PostAsJsonAsync("/api/v1/cases", new
        {
            type = "adultVictim", owningUnitId = app.Asby.ViolenceTeam, subjectPersonId = victim, channel = "policeReport", caseGroupId = group,
        }), HttpStatusCode.Created);
        var victimCaseId = victimCase.GetProperty("id").GetGuid();
        victimCase.GetProperty("process").GetProperty("channel").GetString().ShouldBe("policeReport");
        Tasks(victimCase, "adultInvestigationStart").ShouldHaveSingleItem().GetProperty("dueDate").GetString().ShouldNotBeNull();
        await Ok(await rvt.PutAsJsonAsync($"/api/v1/cases/{victimCaseId}/classification",
            new { version = victimCase.GetProperty("version").GetInt64(), codes = new[] { "form.physical", "form.psychological", "context.partner", "exposure.child-witnessed" } }));

        // Two children in the household: each must be reported, or the case cannot close.
        var children = new List<Guid>();
        foreach (var name in new[] { "Barn A", "Barn B" })
        {
            var child = await Register(rvt, new { identityKind = "none", pseudonym = $"{name} {_prefix}", gender = name == "Barn A" ? "woman" : "man" });
            children.Add(child);
            await Ok(await rvt.PostAsJsonAsync($"/api/v1/cases/{victimCaseId}/parties", new { personId = child, role = "child" }));
        }
        var refused = await rvt.PostAsJsonAsync($"/api/v1/cases/{victimCaseId}/transitions", new
        {
            transition = "close", reason = "Klienten har flyttat.", version = (await rvt.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{victimCaseId}")).GetProperty("version").GetInt64(),
        });
        (await refused.ShouldBeProblem(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain($"Barn A {_prefix}");

        // Orosanmälan for both children, from the victim's case, to the children's unit.
        var reports = new List<Guid>();
        foreach (var child in children)
            reports.Add((await Ok(await rvt.PostAsJsonAsync("/api/v1/reports-of-concern", new
            {
                childPersonId = child, recipientUnitId = app.Asby.ChildrenUnit, fromCaseId = victimCaseId, reporter = "police",
                concerns = "Barnet var hemma vid misshandeln enligt polisens underrättelse.",
            }), HttpStatusCode.Created)).GetProperty("id").GetGuid());
        var victimNow = await rvt.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{victimCaseId}");
        Tasks(victimNow, "childInHousehold").ShouldAllBe(t => t.GetProperty("status").GetString() == "done");

        // The children's unit: skyddsbedömning today, förhandsbedömning within 14 days.
        var radar = (await bou.GetFromJsonAsync<JsonElement>("/api/v1/deadlines?scope=units")).EnumerateArray().ToList();
        radar.Count(r => r.GetProperty("task").GetProperty("kind").GetString() == "protectionAssessment" &&
                         r.GetProperty("task").GetProperty("deadline").GetString() is "dueToday" or "dueWithinWeek").ShouldBeGreaterThanOrEqualTo(2);
        var childCases = new List<Guid>();
        foreach (var report in reports)
        {
            var outcome = await bou.GetFromJsonAsync<JsonElement>($"/api/v1/reports-of-concern/{report}");
            outcome.GetProperty("investigation").GetString().ShouldBe("initiated");
        }
        var bouCases = (await bou.GetFromJsonAsync<JsonElement>($"/api/v1/cases?unit={app.Asby.ChildrenUnit}&limit=100")).GetProperty("items").EnumerateArray()
            .Where(c => children.Contains(c.GetProperty("subjectPersonId").GetGuid())).Select(c => c.GetProperty("id").GetGuid()).ToList();
        bouCases.Count.ShouldBe(2);
        foreach (var childCase in bouCases)
        {
            var read = await bou.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{childCase}");
            var protection = Tasks(read, "protectionAssessment").ShouldHaveSingleItem();
            await Ok(await bou.PostAsync($"/api/v1/tasks/{protection.GetProperty("id").GetGuid()}/complete", null));
            childCases.Add(childCase);
        }
        // Förhandsbedömning: open an investigation for one child, not for the other (with the reason).
        var investigated = await Step(bou, childCases[0], "startInvestigation");
        Tasks(investigated, "childInvestigation").ShouldHaveSingleItem().GetProperty("status").GetString().ShouldBe("open");
        await Step(bou, childCases[1], "decideNotToInvestigate", "Barnet bor hos den andra föräldern; inget skyddsbehov.");
        // The reporting unit sees what became of its report, not the child's case.
        var outcomes = new List<string?>();
        foreach (var report in reports)
            outcomes.Add((await rvt.GetFromJsonAsync<JsonElement>($"/api/v1/reports-of-concern/{report}")).GetProperty("investigation").GetString());
        outcomes.ShouldBe(["investigating", "notOpened"], ignoreOrder: true);
        await (await rvt.GetAsync($"/api/v1/cases/{childCases[0]}")).ShouldBeProblem(HttpStatusCode.NotFound);

        // The perpetrator comes to the treatment centre anonymously: five open talks without a decision (friyta).
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var friyta = await Ok(await therapist.PostAsJsonAsync("/api/v1/open-talks", new
        {
            owningUnitId = app.Asby.TreatmentCentre, concerns = "perpetrator", pseudonym = $"Man {_prefix}", gender = "man", childrenInvolved = 2,
        }), HttpStatusCode.Created);
        var friytaId = friyta.GetProperty("id").GetGuid();
        for (var talk = 1; talk <= 5; talk++)
            await Ok(await therapist.PostAsJsonAsync($"/api/v1/open-talks/{friytaId}/talks", new { note = $"Samtal {talk}." }));
        await (await therapist.PostAsJsonAsync($"/api/v1/open-talks/{friytaId}/talks", new { note = "Ett sjätte?" })).ShouldBeProblem(HttpStatusCode.Conflict);

        // He consents: the friyta becomes the perpetrator's case at the violence team, carrying its five talks.
        var converted = await Ok(await therapist.PostAsJsonAsync($"/api/v1/open-talks/{friytaId}/convert", new
        {
            owningUnitId = app.Asby.ViolenceTeam, channel = "selfReferral",
            consent = new { method = "inPerson", covers = "Att ett ärende öppnas och att våldet utreds." },
        }));
        var perpetratorCase = converted.GetProperty("caseId").GetGuid();
        var perpetratorRead = await rvt.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{perpetratorCase}");
        perpetratorRead.GetProperty("type").GetString().ShouldBe("perpetrator");
        (await rvt.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{perpetratorCase}/journal")).EnumerateArray()
            .Count(e => e.GetProperty("text").GetString()!.StartsWith("Samtal i friyta")).ShouldBe(5);
        // Support (the talks) is running while the investigation is opened beside it.
        perpetratorRead.GetProperty("process").GetProperty("supportStartedAt").GetString().ShouldNotBeNull();
        await Ok(await rvt.PutAsJsonAsync($"/api/v1/cases/{perpetratorCase}", new
        {
            version = perpetratorRead.GetProperty("version").GetInt64(), summary = perpetratorRead.GetProperty("summary").GetString(), caseGroupId = group,
        }));
        await Ok(await therapist.PostAsJsonAsync($"/api/v1/cases/{perpetratorCase}/motivation-assessments", new { attitude = "minimisesViolence", motivation = "ambivalent" }));
        var investigating = await Step(rvt, perpetratorCase, "startInvestigation");
        investigating.GetProperty("process").GetProperty("investigation").GetString().ShouldBe("investigating");
        investigating.GetProperty("process").GetProperty("supportEndedAt").ValueKind.ShouldBe(JsonValueKind.Null);

        // The violence team hands the treatment to the centre, with a summary so he need not retell; he waits in its queue.
        var handover = await Ok(await rvt.PostAsJsonAsync($"/api/v1/cases/{perpetratorCase}/handovers", new
        {
            toUnitId = app.Asby.TreatmentCentre, whatHappened = "Fem öppna samtal, därefter samtycke till utredning.",
            assessments = "Minimerar våldet, ambivalent motivation.", risks = "Upprepat psykiskt våld mot partnern.",
            whatTheClientHasToldAlready = "Kontrollerande beteende och ett tillfälle av fysiskt våld.", queue = true,
        }), HttpStatusCode.Created);
        var summary = await therapist.GetFromJsonAsync<JsonElement>($"/api/v1/handovers/{handover.GetProperty("id").GetGuid()}");
        summary.GetProperty("summary").GetProperty("whatTheClientHasToldAlready").GetString()!.ShouldContain("Kontrollerande");
        await Ok(await therapist.PostAsync($"/api/v1/handovers/{handover.GetProperty("id").GetGuid()}/accept", null));
        var queue = await therapist.GetFromJsonAsync<JsonElement>($"/api/v1/units/{app.Asby.TreatmentCentre}/waiting-list");
        var place = queue.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("caseId").GetGuid() == perpetratorCase);
        place.GetProperty("position").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        var session = await Ok(await therapist.PostAsJsonAsync($"/api/v1/waiting-list/{place.GetProperty("id").GetGuid()}/first-session", new { }));
        session.GetProperty("waitingDays").GetInt32().ShouldBe(0);

        // A police event in the victim's case calls for a fast contact with the perpetrator.
        await Ok(await rvt.PostAsJsonAsync($"/api/v1/cases/{victimCaseId}/police-events", new { kind = "release" }));
        var perpetratorNow = await therapist.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{perpetratorCase}");
        Tasks(perpetratorNow, "fastContact").ShouldHaveSingleItem();

        // Every child is reported now: the victim's case closes, with its reason.
        var closed = await Step(rvt, victimCaseId, "close", "Klienten har flyttat till annan kommun.");
        closed.GetProperty("process").GetProperty("status").GetString().ShouldBe("closed");
    }

    [Fact]
    public async Task A_reason_instead_of_an_orosanmälan_lets_the_adult_case_close_and_is_kept()
    {
        var rvt = await app.SignedIn(app.Asby.Caseworker);
        var victim = await Register(rvt, new { identityKind = "none", pseudonym = $"Vuxen {_prefix}", gender = "woman" });
        var caseId = (await Ok(await rvt.PostAsJsonAsync("/api/v1/cases", new
            { type = "adultVictim", owningUnitId = app.Asby.ViolenceTeam, subjectPersonId = victim, channel = "selfReferral" }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var child = await Register(rvt, new { identityKind = "none", pseudonym = $"Vuxet barn {_prefix}", gender = "man" });
        var withChild = await Ok(await rvt.PostAsJsonAsync($"/api/v1/cases/{caseId}/parties", new { personId = child, role = "child" }));
        var task = Tasks(withChild, "childInHousehold").ShouldHaveSingleItem().GetProperty("id").GetGuid();

        await (await rvt.PostAsJsonAsync($"/api/v1/tasks/{task}/waive", new { reason = "" })).ShouldBeProblem(HttpStatusCode.Conflict);
        var waived = await Ok(await rvt.PostAsJsonAsync($"/api/v1/tasks/{task}/waive", new { reason = "Anmälan redan gjord av skolan samma dag." }));
        waived.GetProperty("waiverReason").GetString().ShouldBe("Anmälan redan gjord av skolan samma dag.");
        (await Step(rvt, caseId, "close", "Klienten avböjer fortsatt kontakt.")).GetProperty("process").GetProperty("status").GetString().ShouldBe("closed");
        await (await rvt.PostAsJsonAsync($"/api/v1/cases/{caseId}/parties", new { personId = child, role = "relative" })).ShouldBeProblem(HttpStatusCode.Conflict);
        (await Step(rvt, caseId, "reopen", "Ny polisanmälan.")).GetProperty("process").GetProperty("status").GetString().ShouldBe("open");
    }

    [Fact]
    public async Task A_decision_without_an_investigation_is_refused_with_the_reason()
    {
        var rvt = await app.SignedIn(app.Asby.Caseworker);
        var victim = await Register(rvt, new { identityKind = "none", pseudonym = $"Beslut {_prefix}", gender = "woman" });
        var caseId = (await Ok(await rvt.PostAsJsonAsync("/api/v1/cases", new
            { type = "adultVictim", owningUnitId = app.Asby.ViolenceTeam, subjectPersonId = victim, channel = "application" }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var version = (await rvt.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("version").GetInt64();
        var problem = await (await rvt.PostAsJsonAsync($"/api/v1/cases/{caseId}/transitions", new { transition = "decide", version }))
            .ShouldBeProblem(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("inled utredningen först");
    }

    [Fact]
    public async Task An_orosanmälan_cannot_be_registered_as_an_ordinary_case_and_unknown_classification_codes_are_named()
    {
        var rvt = await app.SignedIn(app.Asby.Caseworker);
        var child = await Register(rvt, new { identityKind = "none", pseudonym = $"Fel väg {_prefix}", gender = "woman" });
        (await (await rvt.PostAsJsonAsync("/api/v1/cases", new { type = "child", owningUnitId = app.Asby.ViolenceTeam, subjectPersonId = child, channel = "reportOfConcern" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest)).FieldErrors("channel").Single().ShouldContain("reports-of-concern");

        var victim = await Register(rvt, new { identityKind = "none", pseudonym = $"Kod {_prefix}", gender = "woman" });
        var opened = await Ok(await rvt.PostAsJsonAsync("/api/v1/cases", new
            { type = "adultVictim", owningUnitId = app.Asby.ViolenceTeam, subjectPersonId = victim, channel = "application" }), HttpStatusCode.Created);
        (await (await rvt.PutAsJsonAsync($"/api/v1/cases/{opened.GetProperty("id").GetGuid()}/classification",
                new { version = opened.GetProperty("version").GetInt64(), codes = new[] { "form.physical", "form.made-up" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest)).FieldErrors("codes").Single().ShouldContain("form.made-up");
    }
}

public sealed class HouseholdJourneyOnSqlite(SqliteApp app) : HouseholdJourneyTests(app), IClassFixture<SqliteApp>;

public sealed class HouseholdJourneyOnPostgres(PostgresApp app) : HouseholdJourneyTests(app), IClassFixture<PostgresApp>;
