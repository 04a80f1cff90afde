using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.OpenTalks;

/// <summary>The friyta pages: starting an anonymous contact from the form, the warnings shown, and conversion refused without consent.</summary>
public abstract class OpenTalkPageTests(SamordnaApp app)
{
    [Fact]
    public async Task A_contact_started_from_the_form_shows_its_warnings_and_stays_anonymous_when_converted_without_consent()
    {
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var started = await PageForms.PostForm(therapist, "/OpenTalks", "/OpenTalks", new()
        {
            ["Input.OwningUnitId"] = app.Asby.TreatmentCentre.ToString(),
            ["Input.Concerns"] = "Perpetrator",
            ["Input.Pseudonym"] = "Man 77, sidan",
            ["Input.Gender"] = "Man",
            ["Input.ChildrenInvolved"] = "1",
        });
        started.StatusCode.ShouldBe(HttpStatusCode.Redirect, await started.Content.ReadAsStringAsync());
        var show = started.Headers.Location!.ToString();
        show.ShouldStartWith("/OpenTalks/Show/");

        var page = await therapist.GetStringAsync(show);
        page.ShouldContain("Friyta: Man 77, sidan");
        page.ShouldContain("Varning: Barn nämnda – ingen orosanmälan eller barnärende");
        page.ShouldContain("Registrera samtal 1 av 5");

        var refused = await PageForms.PostForm(therapist, show, $"{show}?handler=Convert", new()
        {
            ["Convert.OwningUnitId"] = app.Asby.ViolenceTeam.ToString(),
            ["Convert.Channel"] = "SelfReferral",
            ["Convert.Consent.Given"] = "false",
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("bara bli ett ärende med personens samtycke");

        var id = Guid.Parse(show["/OpenTalks/Show/".Length..]);
        var contact = await therapist.GetFromJsonAsync<JsonElement>($"/api/v1/open-talks/{id}");
        contact.GetProperty("status").GetString().ShouldBe("active");
        contact.GetProperty("identityKind").GetString().ShouldBe("none");
    }

    [Fact]
    public async Task The_list_shows_the_unit_s_contacts_with_a_warning_badge_at_the_limit()
    {
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var started = await therapist.PostAsJsonAsync("/api/v1/open-talks",
            new { owningUnitId = app.Asby.TreatmentCentre, concerns = "adultVictim", pseudonym = "Kvinna 12, sidan", gender = "woman", startedAt = TimeProvider.System.GetUtcNow().AddDays(-40) });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        for (var i = 5; i >= 1; i--)
            (await therapist.PostAsJsonAsync($"/api/v1/open-talks/{id}/talks", new { heldAt = TimeProvider.System.GetUtcNow().AddDays(-i) }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);

        var list = await therapist.GetStringAsync($"/OpenTalks?unit={app.Asby.TreatmentCentre}");
        var row = list[list.IndexOf("Kvinna 12, sidan", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        row.ShouldContain("5 av 5");
        row.ShouldContain("Varning: Alla samtal i friytan är använda");
        (await therapist.GetStringAsync($"/OpenTalks/Show/{id}")).ShouldContain("Alla 5 samtal är använda");
    }
}

public sealed class OpenTalkPagesOnSqlite(SqliteApp app) : OpenTalkPageTests(app), IClassFixture<SqliteApp>;

public sealed class OpenTalkPagesOnPostgres(PostgresApp app) : OpenTalkPageTests(app), IClassFixture<PostgresApp>;

/// <summary>A municipality that offers three friyta talks (Samordna:OpenTalks:TalkLimit = 3).</summary>
public sealed class ThreeTalkApp : SqliteApp
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Samordna:OpenTalks:TalkLimit", "3");
    }
}

public sealed class OpenTalkLimitSettingTests(ThreeTalkApp app) : IClassFixture<ThreeTalkApp>
{
    [Fact]
    public async Task The_configured_talk_limit_is_stored_on_a_new_contact_and_enforced()
    {
        var therapist = await app.SignedIn(app.Asby.Therapist);
        var response = await therapist.PostAsJsonAsync("/api/v1/open-talks",
            new { owningUnitId = app.Asby.TreatmentCentre, concerns = "perpetrator", pseudonym = "Man 3 samtal", gender = "man" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var contact = await response.Content.ReadFromJsonAsync<JsonElement>();
        contact.GetProperty("talkLimit").GetInt32().ShouldBe(3);
        var id = contact.GetProperty("id").GetGuid();
        for (var i = 0; i < 3; i++)
            (await therapist.PostAsJsonAsync($"/api/v1/open-talks/{id}/talks", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await (await therapist.PostAsJsonAsync($"/api/v1/open-talks/{id}/talks", new { })).ShouldBeProblem(HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain("3 av 3");
    }
}
