using System.Net;
using System.Text.RegularExpressions;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Handovers;

/// <summary>The Swedish pages: hand over from the form, read and accept, work the queue.</summary>
public abstract class HandoverPageTests(SamordnaApp app, MovableClock clock)
{
    private readonly HandoverWorld _world = new(app, clock);

    [Fact]
    public async Task A_case_is_handed_over_with_the_form_and_the_receiving_therapist_reads_the_summary_and_accepts_it()
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var caseId = await _world.OpenCase(caseworker, "Via formuläret");
        var form = $"/Handovers/New?caseId={caseId}";
        (await PageForms.Page(caseworker, form)).ShouldContain("Lämna över ärende");

        var missing = await PageForms.PostForm(caseworker, form, form, new() { ["Input.ToUnitId"] = app.Asby.TreatmentCentre.ToString() });
        missing.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = await missing.Content.ReadAsStringAsync();
        errors.ShouldContain("Beskriv vad som har hänt.");
        errors.ShouldContain("aria-invalid=\"true\"");

        var saved = await PageForms.PostForm(caseworker, form, form, new()
        {
            ["Input.ToUnitId"] = app.Asby.TreatmentCentre.ToString(),
            ["Input.WhatHappened"] = "Slagen av sambon, polisanmälan i november.",
            ["Input.Assessments"] = "Farlighetsbedömning: förhöjd risk.",
            ["Input.Risks"] = "Sambon vet var hon bor.",
            ["Input.WhatTheClientHasToldAlready"] = "Om våldet och om barnens oro.",
            ["Input.Queue"] = "true",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var show = saved.Headers.Location!.ToString();
        show.ShouldStartWith("/Handovers/Show/");

        var therapist = await app.SignedIn(app.Asby.Therapist);
        var page = await PageForms.Page(therapist, show);
        page.ShouldContain("Slagen av sambon, polisanmälan i november.");
        page.ShouldContain("Om våldet och om barnens oro.");
        page.ShouldContain("Ta emot överlämningen");
        (await PageForms.Page(therapist, "/Handovers")).ShouldContain("Att ta emot");

        var accepted = await PageForms.PostForm(therapist, show, $"{show}?handler=Accept", []);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await PageForms.Page(therapist, show);
        after.ShouldContain("Mottagen");
        after.ShouldNotContain("Ta emot överlämningen");
    }

    [Fact]
    public async Task The_queue_page_shows_position_days_waited_and_the_alert_and_takes_contacts_and_the_first_session()
    {
        var (unit, therapistName) = await _world.ReceivingUnit("sida");
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var caseId = await _world.OpenCase(caseworker, "Köar på sidan");
        var entry = (await _world.HandOver(caseworker, caseId, unit, queue: true)).GetProperty("waitingListEntryId").GetGuid();

        var therapist = await _world.After(TimeSpan.FromDays(95), therapistName);
        var queuePath = $"/Handovers/Queue?unit={unit}&entry={entry}";
        var queue = await PageForms.Page(therapist, queuePath);
        queue.ShouldContain("Kö till Mottagningen sida");
        queue.ShouldContain("95 dagar");
        queue.ShouldContain("Har väntat mer än 90 dagar");

        var contact = await PageForms.PostForm(therapist, queuePath, $"/Handovers/Queue?handler=Contact&unit={unit}&entry={entry}", new()
        {
            ["Contact.Kind"] = "Phone",
            ["Contact.Note"] = "Ringde och berättade om kön.",
        });
        contact.StatusCode.ShouldBe(HttpStatusCode.Redirect, await contact.Content.ReadAsStringAsync());
        (await PageForms.Page(therapist, queuePath)).ShouldContain("Ringde och berättade om kön.");

        var firstSession = await PageForms.PostForm(therapist, queuePath, $"/Handovers/Queue?handler=FirstSession&unit={unit}&entry={entry}", []);
        firstSession.StatusCode.ShouldBe(HttpStatusCode.Redirect, await firstSession.Content.ReadAsStringAsync());
        var done = await PageForms.Page(therapist, firstSession.Headers.Location!.ToString());
        done.ShouldContain("Det första besöket är registrerat efter 95 dagar i kö.");
        done.ShouldContain("Ingen väntar i kön till Mottagningen sida.");
    }

    [Fact]
    public async Task The_case_team_gets_no_handover_form_and_another_unit_no_queue()
    {
        var caseworker = await app.SignedIn(app.Asby.Caseworker);
        var caseId = await _world.OpenCase(caseworker, "Ingen blankett");
        await _world.HandOver(caseworker, caseId, app.Asby.TreatmentCentre, queue: false);

        var therapist = await app.SignedIn(app.Asby.Therapist);
        // A refusal on a case one can see is a page saying what may not be done, and by whom it is done.
        var refused = await Html(therapist, $"/Handovers/New?caseId={caseId}");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("lämna över ärendet");
        var queue = await Html(caseworker, $"/Handovers/Queue?unit={app.Asby.TreatmentCentre}");
        queue.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await queue.Content.ReadAsStringAsync()).ShouldContain("Bara personal i enheten");
    }

    private static Task<HttpResponseMessage> Html(HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        return client.SendAsync(request);
    }
}

public sealed class HandoverPagesOnSqlite(MovableSqliteApp app) : HandoverPageTests(app, app.Time), IClassFixture<MovableSqliteApp>;

public sealed class HandoverPagesOnPostgres(MovablePostgresApp app) : HandoverPageTests(app, app.Time), IClassFixture<MovablePostgresApp>;
