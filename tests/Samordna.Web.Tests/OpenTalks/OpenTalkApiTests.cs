using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.OpenTalks;

/// <summary>
/// Friyta through the HTTP API: the treatment centre's anonymous talks, their limit and warnings, ending
/// with a dropout reason, and conversion to the violence team's case — only with consent.
/// </summary>
public abstract class OpenTalkApiTests(SamordnaApp app)
{
    /// <summary>Eight weeks ago, to the minute: the talks are recorded afterwards, a week apart.</summary>
    private static readonly DateTimeOffset Started = ToMinute(TimeProvider.System.GetUtcNow().AddDays(-56));

    private static DateTimeOffset TalkTime(int number) => Started.AddDays(7 * (number - 1)).AddHours(1);

    private static DateTimeOffset ToMinute(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero);

    private static async Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> StartAnonymous(HttpClient client, string pseudonym, string concerns = "perpetrator", int children = 0,
        string gender = "man", Guid? unit = null) =>
        await Ok(await client.PostAsJsonAsync("/api/v1/open-talks", new
        {
            owningUnitId = unit ?? app.Asby.TreatmentCentre, concerns, pseudonym, gender, childrenInvolved = children, startedAt = Started,
        }), HttpStatusCode.Created);

    private static Task<HttpResponseMessage> RecordTalk(HttpClient client, Guid contact, int number, string? note = null) =>
        client.PostAsJsonAsync($"/api/v1/open-talks/{contact}/talks", new { heldAt = TalkTime(number), note });

    private static async Task<JsonElement> WithTalks(HttpClient client, Guid contact, int talks)
    {
        JsonElement last = default;
        for (var number = 1; number <= talks; number++) last = await Ok(await RecordTalk(client, contact, number));
        return last;
    }

    private static object Consent => new { method = "inPerson", covers = "Registrering av ärende, utredning och fortsatt behandling.", givenAt = TalkTime(5).AddMinutes(50) };

    private static string[] Warnings(JsonElement contact) => contact.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToArray();

    private static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    [Fact]
    public async Task A_perpetrator_s_anonymous_friyta_of_five_talks_becomes_with_consent_a_case_carrying_its_talks_with_support_running_while_the_investigation_is_open()
    {
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var started = await StartAnonymous(therapist, "Man 42, mottagningen");
        var contact = Id(started);
        started.GetProperty("identityKind").GetString().ShouldBe("none");
        started.GetProperty("personName").GetString().ShouldBe("Man 42, mottagningen");
        started.GetProperty("talkLimit").GetInt32().ShouldBe(5);
        started.GetProperty("status").GetString().ShouldBe("active");

        var afterFive = await WithTalks(therapist, contact, 5);
        afterFive.GetProperty("talkCount").GetInt32().ShouldBe(5);
        Warnings(afterFive).ShouldBe(["talkLimitReached"]);

        var converted = await Ok(await therapist.PostAsJsonAsync($"/api/v1/open-talks/{contact}/convert",
            new { owningUnitId = app.Asby.ViolenceTeam, channel = "selfReferral", consent = Consent, version = afterFive.GetProperty("version").GetInt64() }));
        converted.GetProperty("status").GetString().ShouldBe("converted");
        converted.GetProperty("consent").GetProperty("method").GetString().ShouldBe("inPerson");
        converted.GetProperty("consent").GetProperty("recordedByName").GetString().ShouldBe("Åsby Behandlare");
        converted.GetProperty("identityKind").GetString().ShouldBe("none");
        Warnings(converted).ShouldBeEmpty();
        var caseId = converted.GetProperty("caseId").GetGuid();

        // The violence team owns the case; the treatment centre that held the talks is on its team.
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var @case = await caseworker.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        @case.GetProperty("type").GetString().ShouldBe("perpetrator");
        @case.GetProperty("owningUnitId").GetGuid().ShouldBe(app.Asby.ViolenceTeam);
        @case.GetProperty("receivedAt").GetDateTimeOffset().ShouldBe(TalkTime(1));
        @case.GetProperty("summary").GetString()!.ShouldContain("5 av 5 samtal");
        @case.GetProperty("team").EnumerateArray().ShouldContain(t => t.GetProperty("unitId").GetGuid() == app.Asby.TreatmentCentre
                                                                    && t.GetProperty("reason").GetString() == "handover");
        var subject = @case.GetProperty("parties").EnumerateArray().ShouldHaveSingleItem();
        subject.GetProperty("name").GetString().ShouldBe("Man 42, mottagningen");
        subject.GetProperty("identityKind").GetString().ShouldBe("none");
        var process = @case.GetProperty("process");
        process.GetProperty("channel").GetString().ShouldBe("selfReferral");
        process.GetProperty("investigation").GetString().ShouldBe("initiated");
        process.GetProperty("supportStartedAt").GetDateTimeOffset().ShouldBe(TalkTime(1));
        process.GetProperty("supportEndedAt").ValueKind.ShouldBe(JsonValueKind.Null);

        // Each talk is in the case's journal: "Samtal i friyta N av 5: date staff".
        var journal = (await caseworker.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/journal"))
            .EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToList();
        journal.Count.ShouldBe(5);
        for (var number = 1; number <= 5; number++)
            journal.ShouldContain($"Samtal i friyta {number} av 5: " +
                                  $"{Samordna.Core.SwedishTime.ToSwedish(TalkTime(number)):yyyy-MM-dd HH:mm} Åsby Behandlare");

        // The investigation starts while the support from the talks goes on.
        var investigating = await Ok(await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/transitions",
            new { transition = "startInvestigation", version = @case.GetProperty("version").GetInt64() }));
        investigating.GetProperty("process").GetProperty("investigation").GetString().ShouldBe("investigating");
        investigating.GetProperty("process").GetProperty("supportStartedAt").GetDateTimeOffset().ShouldBe(TalkTime(1));
        investigating.GetProperty("process").GetProperty("supportEndedAt").ValueKind.ShouldBe(JsonValueKind.Null);

        // Both units see the contact now: the one that held the talks and the one that owns the case.
        (await caseworker.GetFromJsonAsync<JsonElement>($"/api/v1/open-talks/{contact}")).GetProperty("caseId").GetGuid().ShouldBe(caseId);
        (await therapist.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await RecordTalk(therapist, contact, 6)).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_same_flow_without_consent_is_refused_and_leaves_the_friyta_anonymous_and_unconverted()
    {
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var contact = Id(await StartAnonymous(therapist, "Man 17, mottagningen"));
        await WithTalks(therapist, contact, 5);
        var personId = (await therapist.GetFromJsonAsync<JsonElement>($"/api/v1/open-talks/{contact}")).GetProperty("personId").GetGuid();

        // Even with identity details offered, no consent means nothing is registered.
        var refused = await (await therapist.PostAsJsonAsync($"/api/v1/open-talks/{contact}/convert", new
        {
            owningUnitId = app.Asby.ViolenceTeam, channel = "selfReferral", identityNumber = "811218-9876", firstName = "Karl", lastName = "Svensson",
        })).ShouldBeProblem(HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain("samtycke");

        var after = await therapist.GetFromJsonAsync<JsonElement>($"/api/v1/open-talks/{contact}");
        after.GetProperty("status").GetString().ShouldBe("active");
        after.GetProperty("caseId").ValueKind.ShouldBe(JsonValueKind.Null);
        after.GetProperty("consent").ValueKind.ShouldBe(JsonValueKind.Null);
        after.GetProperty("identityKind").GetString().ShouldBe("none");
        after.GetProperty("personName").GetString().ShouldBe("Man 17, mottagningen");

        var (person, cases) = await app.InDatabase(async db => (
            await db.Set<Person>().SingleAsync(p => p.Id == personId),
            await db.Set<Case>().CountAsync(c => c.SubjectPersonId == personId)));
        person.IdentityKind.ShouldBe(IdentityKind.None);
        person.IdentityNumber.ShouldBeNull();
        person.IsAnonymous.ShouldBeTrue();
        cases.ShouldBe(0);
    }

    [Fact]
    public async Task A_sixth_talk_is_refused_with_409_pointing_to_conversion()
    {
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var contact = Id(await StartAnonymous(therapist, "Man 6, mottagningen"));
        await WithTalks(therapist, contact, 5);

        var refused = await (await RecordTalk(therapist, contact, 6)).ShouldBeProblem(HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain("5 av 5");
        refused.GetProperty("detail").GetString()!.ShouldContain("omvandla");
        (await therapist.GetFromJsonAsync<JsonElement>($"/api/v1/open-talks/{contact}")).GetProperty("talkCount").GetInt32().ShouldBe(5);
    }

    [Fact]
    public async Task Two_talks_recorded_at_once_for_the_last_place_one_is_kept_and_the_other_gets_409()
    {
        var anna = await app.SignedIn(app.Asby.Therapist);
        var bodil = await app.SignedIn(app.Asby.Therapist);
        for (var round = 0; round < 3; round++)
        {
            var contact = Id(await StartAnonymous(anna, $"Samtidig {round}"));
            await WithTalks(anna, contact, 4);
            var responses = await Task.WhenAll(RecordTalk(anna, contact, 5), RecordTalk(bodil, contact, 5));
            responses.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict], ignoreOrder: true);
            await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeProblem(HttpStatusCode.Conflict);
            (await anna.GetFromJsonAsync<JsonElement>($"/api/v1/open-talks/{contact}")).GetProperty("talkCount").GetInt32().ShouldBe(5);
        }
    }

    [Fact]
    public async Task Ending_needs_a_dropout_reason_and_an_ended_contact_takes_no_talk_and_no_conversion()
    {
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var contact = Id(await StartAnonymous(therapist, "Man 3, mottagningen"));
        await WithTalks(therapist, contact, 2);

        var missing = await (await therapist.PostAsJsonAsync($"/api/v1/open-talks/{contact}/end", new { note = "Hörde inte av sig" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        missing.FieldErrors("reason").ShouldNotBeEmpty();

        var ended = await Ok(await therapist.PostAsJsonAsync($"/api/v1/open-talks/{contact}/end", new { reason = "wantedToStayAnonymous" }));
        ended.GetProperty("status").GetString().ShouldBe("ended");
        ended.GetProperty("dropoutReason").GetString().ShouldBe("wantedToStayAnonymous");

        await (await RecordTalk(therapist, contact, 3)).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await therapist.PostAsJsonAsync($"/api/v1/open-talks/{contact}/convert",
            new { owningUnitId = app.Asby.ViolenceTeam, channel = "selfReferral", consent = Consent })).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Children_mentioned_warn_in_the_list_and_on_the_contact_until_an_orosanmalan_is_filed_from_the_case()
    {
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var started = await StartAnonymous(therapist, "Man 8, mottagningen", children: 2);
        var contact = Id(started);
        Warnings(started).ShouldBe(["childrenWithoutChildCase"]);

        var list = await therapist.GetFromJsonAsync<JsonElement>($"/api/v1/open-talks?unit={app.Asby.TreatmentCentre}");
        var row = list.GetProperty("items").EnumerateArray().Single(i => Id(i) == contact);
        Warnings(row).ShouldBe(["childrenWithoutChildCase"]);

        await WithTalks(therapist, contact, 5);
        Warnings(await therapist.GetFromJsonAsync<JsonElement>($"/api/v1/open-talks/{contact}"))
            .ShouldBe(["talkLimitReached", "childrenWithoutChildCase"], ignoreOrder: true);

        var caseId = (await Ok(await therapist.PostAsJsonAsync($"/api/v1/open-talks/{contact}/convert",
            new { owningUnitId = app.Asby.ViolenceTeam, channel = "selfReferral", consent = Consent }))).GetProperty("caseId").GetGuid();
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        Warnings(await caseworker.GetFromJsonAsync<JsonElement>($"/api/v1/open-talks/{contact}")).ShouldBe(["childrenWithoutChildCase"]);
        // The case carries the duty: a required task until a report is made or a reason recorded.
        var tasks = await caseworker.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/tasks");
        tasks.EnumerateArray().ShouldContain(t => t.GetProperty("kind").GetString() == "childInHousehold" && t.GetProperty("required").GetBoolean());

        var child = Id(await Ok(await caseworker.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = "Barn till Man 8", gender = "unknown" }),
            HttpStatusCode.Created));
        await Ok(await caseworker.PostAsJsonAsync("/api/v1/reports-of-concern", new
        {
            childPersonId = child, recipientUnitId = app.Asby.ChildrenUnit, concerns = "Pappan berättar om våld hemma.", fromCaseId = caseId,
        }), HttpStatusCode.Created);
        Warnings(await caseworker.GetFromJsonAsync<JsonElement>($"/api/v1/open-talks/{contact}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Statistics_count_anonymous_contacts_talks_dropouts_and_warnings_without_naming_anyone()
    {
        var unit = new Unit(app.Asby.OrganisationId, $"Mottagningen {app.Provider}", UnitKind.TreatmentCentre);
        await app.Store(unit);
        var staff = await app.AddStaff(app.Asby.OrganisationId, $"statistik.behandlare.{app.Provider}".ToLowerInvariant(), [(unit.Id, StaffRole.Therapist)]);
        var therapist = await app.SignedIn(staff.UserName);
        var perpetrator = Id(await StartAnonymous(therapist, "Statistikman 1", unit: unit.Id));
        await WithTalks(therapist, perpetrator, 2);
        await Ok(await therapist.PostAsJsonAsync($"/api/v1/open-talks/{perpetrator}/end", new { reason = "wantedToStayAnonymous" }));
        await StartAnonymous(therapist, "Statistikkvinna 1", concerns: "adultVictim", children: 1, gender: "woman", unit: unit.Id);

        var analyst = await app.AddStaff(app.Asby.OrganisationId, $"analytiker.{app.Provider}".ToLowerInvariant(), [(app.Asby.ViolenceTeam, StaffRole.Analyst)]);
        var client = await app.SignedIn(analyst.UserName);
        var response = await client.GetAsync("/api/v1/statistics/open-talks");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldNotContain("Statistikman");
        body.ShouldNotContain("Statistikkvinna");

        var rows = JsonDocument.Parse(body).RootElement.GetProperty("units").EnumerateArray()
            .Where(r => r.GetProperty("unitId").GetGuid() == unit.Id).ToDictionary(r => r.GetProperty("concerns").GetString()!);
        var men = rows["perpetrator"];
        men.GetProperty("started").GetInt32().ShouldBe(1);
        men.GetProperty("anonymous").GetInt32().ShouldBe(1);
        men.GetProperty("talks").GetInt32().ShouldBe(2);
        men.GetProperty("ended").GetInt32().ShouldBe(1);
        men.GetProperty("endedBy").EnumerateArray().Single(e => e.GetProperty("reason").GetString() == "wantedToStayAnonymous")
            .GetProperty("contacts").GetInt32().ShouldBe(1);
        men.GetProperty("byGender").EnumerateArray().Single(e => e.GetProperty("gender").GetString() == "man")
            .GetProperty("contacts").GetInt32().ShouldBe(1);
        var women = rows["adultVictim"];
        women.GetProperty("started").GetInt32().ShouldBe(1);
        women.GetProperty("anonymous").GetInt32().ShouldBe(1);
        women.GetProperty("active").GetInt32().ShouldBe(1);
        women.GetProperty("childrenWithoutChildCase").GetInt32().ShouldBe(1);

        // Counts only: the analyst cannot open the contacts themselves.
        (await client.GetAsync("/api/v1/open-talks")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_unit_or_municipality_gets_404_as_for_a_missing_id()
    {
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var contact = Id(await StartAnonymous(therapist, "Man 9, mottagningen"));
        await WithTalks(therapist, contact, 1);

        var childrenUnit = await app.AddStaff(app.Asby.OrganisationId, $"barn.handlaggare.{app.Provider}".ToLowerInvariant(),
            [(app.Asby.ChildrenUnit, StaffRole.Caseworker)]);
        var bergby = await app.AddStaff(app.Bergby.OrganisationId, $"bergby.friyta.{app.Provider}".ToLowerInvariant(),
            [(app.Bergby.TreatmentCentre, StaffRole.Therapist)]);
        foreach (var outsider in new[] { await app.SignedIn(app.Asby.Caseworker), await app.SignedIn(childrenUnit.UserName), await app.SignedIn(bergby.UserName) })
        {
            await (await outsider.GetAsync($"/api/v1/open-talks/{contact}")).ShouldBeProblem(HttpStatusCode.NotFound);
            await (await RecordTalk(outsider, contact, 2)).ShouldBeProblem(HttpStatusCode.NotFound);
            await (await outsider.PostAsJsonAsync($"/api/v1/open-talks/{contact}/end", new { reason = "noContact" })).ShouldBeProblem(HttpStatusCode.NotFound);
            await (await outsider.PostAsJsonAsync($"/api/v1/open-talks/{contact}/convert",
                new { owningUnitId = app.Asby.ViolenceTeam, channel = "selfReferral", consent = Consent })).ShouldBeProblem(HttpStatusCode.NotFound);
            var list = await outsider.GetFromJsonAsync<JsonElement>("/api/v1/open-talks");
            list.GetProperty("items").EnumerateArray().ShouldNotContain(i => Id(i) == contact);
        }
        (await therapist.GetFromJsonAsync<JsonElement>($"/api/v1/open-talks/{contact}")).GetProperty("talkCount").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_contact_can_only_be_started_in_one_s_own_unit_and_needs_a_gender()
    {
        var therapist = await app.SignedIn(app.Asby.Therapist);
        await (await therapist.PostAsJsonAsync("/api/v1/open-talks", new { owningUnitId = app.Asby.ViolenceTeam, concerns = "perpetrator", pseudonym = "X", gender = "man" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden);
        var invalid = await (await therapist.PostAsJsonAsync("/api/v1/open-talks", new { owningUnitId = app.Asby.TreatmentCentre, concerns = "perpetrator", pseudonym = "Utan kön" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);
        invalid.FieldErrors("gender").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Identity_given_with_consent_turns_the_pseudonym_into_a_registered_person_checked_like_any_registration()
    {
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var contact = Id(await StartAnonymous(therapist, "Man 51, mottagningen"));
        await WithTalks(therapist, contact, 3);

        var badNumber = await (await therapist.PostAsJsonAsync($"/api/v1/open-talks/{contact}/convert", new
        {
            owningUnitId = app.Asby.ViolenceTeam, channel = "victimsCase", consent = Consent, identityNumber = "811218-9875", firstName = "Per", lastName = "Holm",
        })).ShouldBeProblem(HttpStatusCode.BadRequest);
        badNumber.FieldErrors("identityNumber").ShouldBe(["Kontrollsiffran stämmer inte."]);

        const string number = "19811218-9876";
        var converted = await Ok(await therapist.PostAsJsonAsync($"/api/v1/open-talks/{contact}/convert", new
        {
            owningUnitId = app.Asby.ViolenceTeam, channel = "victimsCase", consent = Consent, identityNumber = number, firstName = "Per", lastName = "Holm",
        }));
        converted.GetProperty("identityKind").GetString().ShouldBe("personnummer");
        converted.GetProperty("personName").GetString().ShouldBe("Per Holm");
        var person = await app.InDatabase(db => db.Set<Person>().SingleAsync(p => p.Id == converted.GetProperty("personId").GetGuid()));
        person.IdentityNumber.ShouldBe(number.Replace("-", ""));
        person.Pseudonym.ShouldBeNull();
    }
}

public sealed class OpenTalkApiOnSqlite(SqliteApp app) : OpenTalkApiTests(app), IClassFixture<SqliteApp>;

public sealed class OpenTalkApiOnPostgres(PostgresApp app) : OpenTalkApiTests(app), IClassFixture<PostgresApp>;
