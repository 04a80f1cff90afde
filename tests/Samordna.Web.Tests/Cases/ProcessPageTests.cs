using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Cases;

/// <summary>The Handläggning page: the same steps as the API, through its forms, with errors shown in the form.</summary>
public abstract class ProcessPageTests(SamordnaApp app)
{
    private async Task<(HttpClient Client, Guid Case)> PerpetratorCase()
    {
        var rvt = await app.SignedIn(app.Asby.Caseworker);
        var person = (await (await rvt.PostAsJsonAsync("/api/v1/people", new { identityKind = "none", pseudonym = $"Sida {Guid.NewGuid():N}"[..14], gender = "man" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var opened = await rvt.PostAsJsonAsync("/api/v1/cases", new
            { type = "perpetrator", owningUnitId = app.Asby.ViolenceTeam, subjectPersonId = person, channel = "policeReport" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (rvt, (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_perpetrator_route_is_worked_from_the_page_and_a_decline_schedules_a_new_contact()
    {
        var (client, caseId) = await PerpetratorCase();
        var page = $"/Cases/Process/{caseId}";
        (await client.Page(page)).ShouldContain("Våldsutövarens väg");

        (await client.PostForm(page, $"{page}?handler=Assess", new() { ["Route.Attitude"] = "MinimisesViolence", ["Route.Motivation"] = "Ambivalent" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.PostForm(page, $"{page}?handler=Offer", new() { ["Route.Offer"] = "Behandling i grupp", ["Route.Channel"] = "PerpetratorSpecialist" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var route = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/perpetrator-route");
        var offer = route.GetProperty("offers").EnumerateArray().Single().GetProperty("id").GetGuid();
        (await client.PostForm(page, $"{page}?handler=Answer", new() { ["Route.OfferId"] = offer.ToString(), ["Route.Response"] = "Declined" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var html = await client.Page(page);
        html.ShouldContain("Förminskar våldet");
        html.ShouldContain("Avböjt");
        html.ShouldContain("Ny kontakt efter avböjt erbjudande: Behandling i grupp");
    }

    [Fact]
    public async Task A_step_is_taken_from_the_page_and_a_step_without_its_reason_is_refused_in_the_form()
    {
        var (client, caseId) = await PerpetratorCase();
        var page = $"/Cases/Process/{caseId}";
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("version").GetInt64().ToString();
        (await client.PostForm(page, $"{page}?handler=Step", new() { ["Step.Transition"] = "StartInvestigation", ["Step.Version"] = version }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.Page(page)).ShouldContain("Utredning pågår");

        version = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("version").GetInt64().ToString();
        var refused = await client.PostForm(page, $"{page}?handler=Step", new() { ["Step.Transition"] = "Close", ["Step.Version"] = version, ["Step.Reason"] = "" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Ange skälet till att ärendet avslutas.");
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("process").GetProperty("status").GetString().ShouldBe("open");
    }

    [Fact]
    public async Task A_consulted_unit_reads_the_case_pages_but_is_offered_only_what_its_scope_allows_and_a_forged_post_is_refused()
    {
        var (owner, caseId) = await PerpetratorCase();
        (await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/team", new { unitId = app.Asby.ChildrenUnit, reason = "consultation" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var consulted = await app.SignedIn((await app.AddStaff(app.Asby.OrganisationId, $"konsult.{app.Provider}.{Guid.NewGuid():N}"[..30].ToLowerInvariant(),
            [(app.Asby.ChildrenUnit, Samordna.Core.Staff.StaffRole.Caseworker)])).UserName);

        var page = $"/Cases/Process/{caseId}";
        var html = await consulted.Page(page);
        html.ShouldNotContain("handler=Step");
        html.ShouldNotContain("handler=Assess");
        html.ShouldNotContain("handler=Classify");
        (await owner.Page(page)).ShouldContain("handler=Step"); // the positive control: the owner gets the forms
        var show = await consulted.Page($"/Cases/Show/{caseId}");
        show.ShouldContain("handler=Journal");
        show.ShouldNotContain("handler=Party");
        show.ShouldNotContain("handler=Description");

        // The form is not offered, and posting it anyway (with a valid token from the page) changes nothing.
        var version = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("version").GetInt64().ToString();
        var forged = await consulted.PostForm(page, $"{page}?handler=Step",
            new() { ["Step.Transition"] = "Close", ["Step.Version"] = version, ["Step.Reason"] = "Försök att avsluta." });
        forged.StatusCode.ShouldBe(HttpStatusCode.OK);
        System.Net.WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()).ShouldContain("avsluta eller återöppna ärendet");
        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("process").GetProperty("status").GetString().ShouldBe("open");
    }
}

public sealed class ProcessPageOnSqlite(SqliteApp app) : ProcessPageTests(app), IClassFixture<SqliteApp>;

public sealed class ProcessPageOnPostgres(PostgresApp app) : ProcessPageTests(app), IClassFixture<PostgresApp>;
