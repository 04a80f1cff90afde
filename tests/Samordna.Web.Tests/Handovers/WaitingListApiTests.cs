using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Samordna.Web.Tests.Infrastructure;
using static Samordna.Web.Tests.Handovers.HandoverWorld;

namespace Samordna.Web.Tests.Handovers;

/// <summary>Waiting lists of receiving units: positions, waiting time to the first session, alerts, contacts while waiting.</summary>
public abstract class WaitingListApiTests(SamordnaApp app, MovableClock clock)
{
    private readonly HandoverWorld _world = new(app, clock);

    private static JsonElement[] Entries(JsonElement queue) => queue.GetProperty("entries").EnumerateArray().ToArray();

    [Fact]
    public async Task Positions_follow_the_order_of_referral_and_close_up_when_a_client_leaves()
    {
        var (unit, therapistName) = await _world.ReceivingUnit("plats");
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var now = clock.GetUtcNow();
        var queued = new Dictionary<string, Guid>();
        foreach (var (name, daysAgo) in new[] { ("Anna", 1), ("Berit", 3), ("Cecilia", 2) })
        {
            var caseId = await _world.OpenCase(caseworker, name);
            var response = await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/waiting-list", new { unitId = unit, referredAt = now.AddDays(-daysAgo) });
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            queued[name] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        var therapist = await app.SignedIn(therapistName);
        var queue = await Ok(await therapist.GetAsync($"/api/v1/units/{unit}/waiting-list"));
        Entries(queue).Select(e => (e.GetProperty("subjectName").GetString(), e.GetProperty("position").GetInt32(), e.GetProperty("waitedDays").GetInt32()))
            .ShouldBe([("Berit", 1, 3), ("Cecilia", 2, 2), ("Anna", 3, 1)]);
        (await Ok(await caseworker.GetAsync($"/api/v1/waiting-list/{queued["Anna"]}"))).GetProperty("position").GetInt32().ShouldBe(3);

        await Ok(await therapist.PostAsJsonAsync($"/api/v1/waiting-list/{queued["Berit"]}/remove", new { reason = "Har flyttat till en annan kommun." }));
        queue = await Ok(await therapist.GetAsync($"/api/v1/units/{unit}/waiting-list"));
        Entries(queue).Select(e => (e.GetProperty("subjectName").GetString(), e.GetProperty("position").GetInt32())).ShouldBe([("Cecilia", 1), ("Anna", 2)]);
    }

    [Fact]
    public async Task The_waiting_time_from_referral_to_first_session_is_recorded_and_an_alert_shows_after_90_days_not_before()
    {
        var (unit, therapistName) = await _world.ReceivingUnit("vantetid");
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var caseId = await _world.OpenCase(caseworker, "Väntar på RVC");
        var entryId = (await _world.HandOver(caseworker, caseId, unit, queue: true)).GetProperty("waitingListEntryId").GetGuid();

        var therapist = await _world.After(TimeSpan.FromDays(90), therapistName);
        var queue = await Ok(await therapist.GetAsync($"/api/v1/units/{unit}/waiting-list"));
        queue.GetProperty("alertAfterDays").GetInt32().ShouldBe(90);
        var entry = Entries(queue).ShouldHaveSingleItem();
        entry.GetProperty("waitedDays").GetInt32().ShouldBe(90);
        entry.GetProperty("alert").GetBoolean().ShouldBeFalse();
        queue.GetProperty("alerts").GetInt32().ShouldBe(0);

        therapist = await _world.After(TimeSpan.FromDays(1), therapistName);
        queue = await Ok(await therapist.GetAsync($"/api/v1/units/{unit}/waiting-list"));
        Entries(queue).ShouldHaveSingleItem().GetProperty("alert").GetBoolean().ShouldBeTrue();
        queue.GetProperty("alerts").GetInt32().ShouldBe(1);

        therapist = await _world.After(TimeSpan.FromDays(9), therapistName);
        entry = Entries(await Ok(await therapist.GetAsync($"/api/v1/units/{unit}/waiting-list"))).ShouldHaveSingleItem();
        entry.GetProperty("waitedDays").GetInt32().ShouldBe(100);
        entry.GetProperty("alert").GetBoolean().ShouldBeTrue();

        var started = await Ok(await therapist.PostAsJsonAsync($"/api/v1/waiting-list/{entryId}/first-session", new { }));
        started.GetProperty("status").GetString().ShouldBe("firstSessionHeld");
        started.GetProperty("waitingDays").GetInt32().ShouldBe(100);
        started.GetProperty("alert").GetBoolean().ShouldBeFalse();
        started.GetProperty("position").ValueKind.ShouldBe(JsonValueKind.Null);
        Entries(await Ok(await therapist.GetAsync($"/api/v1/units/{unit}/waiting-list"))).ShouldBeEmpty();

        therapist = await _world.After(TimeSpan.FromDays(30), therapistName);
        (await Ok(await therapist.GetAsync($"/api/v1/waiting-list/{entryId}"))).GetProperty("waitingDays").GetInt32().ShouldBe(100);
        await (await therapist.PostAsJsonAsync($"/api/v1/waiting-list/{entryId}/first-session", new { })).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_first_session_starts_the_support_track_while_the_investigation_is_still_open()
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var caseId = await _world.OpenCase(caseworker, "Utreds och behandlas");
        await Ok(await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/transitions", new { transition = "startInvestigation", version = 0 }));
        var entryId = (await _world.HandOver(caseworker, caseId, app.Asby.TreatmentCentre, queue: true)).GetProperty("waitingListEntryId").GetGuid();
        (await Ok(await caseworker.GetAsync($"/api/v1/cases/{caseId}"))).GetProperty("process").GetProperty("supportStartedAt").ValueKind
            .ShouldBe(JsonValueKind.Null);

        therapist = await _world.After(TimeSpan.FromDays(3), app.Asby.Therapist);
        var sessionAt = clock.GetUtcNow().AddHours(-1);
        await Ok(await therapist.PostAsJsonAsync($"/api/v1/waiting-list/{entryId}/first-session", new { at = sessionAt }));

        var process = (await Ok(await therapist.GetAsync($"/api/v1/cases/{caseId}"))).GetProperty("process");
        process.GetProperty("investigation").GetString().ShouldBe("investigating");
        process.GetProperty("supportStartedAt").GetDateTimeOffset().ShouldBe(sessionAt);
    }

    [Fact]
    public async Task A_first_session_in_a_case_whose_support_already_runs_keeps_it_running()
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var caseId = await _world.OpenCase(caseworker, "Stöd pågår redan");
        var supported = await Ok(await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/transitions", new { transition = "startSupport", version = 0 }));
        var supportStarted = supported.GetProperty("process").GetProperty("supportStartedAt").GetDateTimeOffset();
        var entryId = (await _world.HandOver(caseworker, caseId, app.Asby.TreatmentCentre, queue: true)).GetProperty("waitingListEntryId").GetGuid();

        await Ok(await therapist.PostAsJsonAsync($"/api/v1/waiting-list/{entryId}/first-session", new { }));
        (await Ok(await therapist.GetAsync($"/api/v1/cases/{caseId}"))).GetProperty("process").GetProperty("supportStartedAt").GetDateTimeOffset()
            .ShouldBe(supportStarted);
    }

    [Fact]
    public async Task Contacts_while_waiting_are_listed_in_order_with_who_made_them_and_end_with_the_wait()
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var caseId = await _world.OpenCase(caseworker, "Hålls kontakt med");
        var entryId = (await _world.HandOver(caseworker, caseId, app.Asby.TreatmentCentre, queue: true)).GetProperty("waitingListEntryId").GetGuid();

        (await (await caseworker.PostAsJsonAsync($"/api/v1/waiting-list/{entryId}/interim-contacts", new { note = "Utan sätt" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest)).FieldErrors("kind").ShouldNotBeEmpty();
        caseworker = await _world.After(TimeSpan.FromDays(14), app.Asby.Caseworker);
        await Ok(await caseworker.PostAsJsonAsync($"/api/v1/waiting-list/{entryId}/interim-contacts", new { kind = "phone", note = "Ringde, hon mår bättre." }));
        therapist = await _world.After(TimeSpan.FromDays(14), app.Asby.Therapist);
        var place = await Ok(await therapist.PostAsJsonAsync($"/api/v1/waiting-list/{entryId}/interim-contacts", new { kind = "letter" }));

        var contacts = place.GetProperty("interimContacts").EnumerateArray().ToArray();
        contacts.Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("by").GetString(), c.GetProperty("note").GetString()))
            .ShouldBe([("phone", "Åsby Handläggare", "Ringde, hon mår bättre."), ("letter", "Åsby Behandlare", null)]);
        Entries(await Ok(await therapist.GetAsync($"/api/v1/units/{app.Asby.TreatmentCentre}/waiting-list")))
            .Single(e => e.GetProperty("id").GetGuid() == entryId).GetProperty("interimContacts").GetArrayLength().ShouldBe(2);

        await Ok(await therapist.PostAsJsonAsync($"/api/v1/waiting-list/{entryId}/first-session", new { }));
        await (await therapist.PostAsJsonAsync($"/api/v1/waiting-list/{entryId}/interim-contacts", new { kind = "meeting" }))
            .ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_unit_s_queue_is_shown_only_to_its_own_staff()
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        await (await caseworker.GetAsync($"/api/v1/units/{app.Asby.TreatmentCentre}/waiting-list")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await caseworker.GetAsync($"/api/v1/units/{Guid.NewGuid()}/waiting-list")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_client_waits_once_at_a_unit_and_leaves_the_queue_only_with_a_reason()
    {
        var (unit, therapistName) = await _world.ReceivingUnit("en.gang");
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var caseId = await _world.OpenCase(caseworker, "Står i kö en gång");
        var created = await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/waiting-list", new { unitId = unit });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var entryId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // Queued directly, the unit joins the case team as a referral so it can open the case.
        (await Ok(await caseworker.GetAsync($"/api/v1/cases/{caseId}"))).GetProperty("team").EnumerateArray().ShouldHaveSingleItem()
            .GetProperty("reason").GetString().ShouldBe("referral");

        await (await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/waiting-list", new { unitId = unit })).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/waiting-list", new { unitId = unit, referredAt = clock.GetUtcNow().AddDays(2) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest);

        var therapist = await app.SignedIn(therapistName);
        (await (await therapist.PostAsJsonAsync($"/api/v1/waiting-list/{entryId}/remove", new { reason = "" })).ShouldBeProblem(HttpStatusCode.BadRequest))
            .FieldErrors("reason").ShouldNotBeEmpty();
        var removed = await Ok(await therapist.PostAsJsonAsync($"/api/v1/waiting-list/{entryId}/remove", new { reason = "Tackade nej till behandling." }));
        removed.GetProperty("status").GetString().ShouldBe("removed");
        Entries(await Ok(await therapist.GetAsync($"/api/v1/units/{unit}/waiting-list"))).ShouldBeEmpty();
        (await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/waiting-list", new { unitId = unit })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}

public sealed class WaitingListApiOnSqlite(MovableSqliteApp app) : WaitingListApiTests(app, app.Time), IClassFixture<MovableSqliteApp>;

public sealed class WaitingListApiOnPostgres(MovablePostgresApp app) : WaitingListApiTests(app, app.Time), IClassFixture<MovablePostgresApp>;

/// <summary>A host whose waiting-list alert comes after 30 days instead of 90.</summary>
public sealed class ThirtyDayAlertApp : SqliteApp
{
    public MovableClock Time { get; } = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => Time;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Samordna:WaitingList:AlertAfterDays", "30");
    }
}

public sealed class WaitingListAlertSettingTests(ThirtyDayAlertApp app) : IClassFixture<ThirtyDayAlertApp>
{
    [Fact]
    public async Task The_alert_limit_is_read_from_Samordna_WaitingList_AlertAfterDays()
    {
        var world = new HandoverWorld(app, app.Time);
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var caseId = await world.OpenCase(caseworker, "Kort gräns");
        await world.HandOver(caseworker, caseId, app.Asby.TreatmentCentre, queue: true);

        var therapist = await world.After(TimeSpan.FromDays(30), app.Asby.Therapist);
        var queue = await Ok(await therapist.GetAsync($"/api/v1/units/{app.Asby.TreatmentCentre}/waiting-list"));
        queue.GetProperty("alertAfterDays").GetInt32().ShouldBe(30);
        queue.GetProperty("entries").EnumerateArray().ShouldHaveSingleItem().GetProperty("alert").GetBoolean().ShouldBeFalse();

        therapist = await world.After(TimeSpan.FromDays(1), app.Asby.Therapist);
        (await Ok(await therapist.GetAsync($"/api/v1/units/{app.Asby.TreatmentCentre}/waiting-list")))
            .GetProperty("entries").EnumerateArray().ShouldHaveSingleItem().GetProperty("alert").GetBoolean().ShouldBeTrue();
    }
}
