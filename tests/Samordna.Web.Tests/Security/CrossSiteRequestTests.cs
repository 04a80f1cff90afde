using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Cases;
using Samordna.Core.People;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Security;

/// <summary>
/// From the security review: completing a task with a body-less POST and <c>Origin: https://evil.example</c>
/// succeeded, SameSite being the only guard. A state-changing request a browser marks as coming from another
/// site is refused with 403, and nothing changes; API clients that send neither header are not browsers and pass.
/// </summary>
public abstract class CrossSiteRequestTests(SamordnaApp app)
{
    private async Task<Guid> OpenTask()
    {
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        var person = new Person(app.Asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, $"Korsvis {Guid.NewGuid():N}"[..20]),
            Gender.Woman, ProtectedIdentityLevel.None, ContactDetails.Empty, at);
        var @case = new Case(app.Asby.OrganisationId, CaseType.AdultVictim, app.Asby.ViolenceTeam, person.Id, at, app.Asby.CaseworkerId, null);
        var task = new CaseTask(@case, TaskKind.ChildInHousehold, "Orosanmälan eller skäl", true, at);
        await app.Store(person, @case, task);
        return task.Id;
    }

    private Task<CaseTaskStatus> StatusOf(Guid task) =>
        app.InDatabase(db => db.Set<CaseTask>().Where(t => t.Id == task).Select(t => t.Status).SingleAsync());

    private static HttpRequestMessage Complete(Guid task, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{task}/complete");
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        return request;
    }

    public static TheoryData<string, string?, string?> CrossSite => new()
    {
        { "another site's page", "https://evil.example", null },
        { "another site, as the browser says", null, "cross-site" },
        { "both", "https://evil.example", "cross-site" },
        { "a neighbouring subdomain", "https://annan.localhost", "same-site" },
        { "same-site without an origin", null, "same-site" },
        { "plain http to the https site", "http://localhost", null },
        { "another port", "https://localhost:8443", null },
        { "an opaque origin (sandboxed frame)", "null", null },
        { "a lie: same-origin, but the Origin is elsewhere", "https://evil.example", "same-origin" },
    };

    [Theory]
    [MemberData(nameof(CrossSite))]
    public async Task A_body_less_cross_site_post_that_would_complete_a_task_is_refused_and_nothing_changes(string what, string? origin, string? fetchSite)
    {
        var task = await OpenTask();
        var client = await app.SignedIn(app.Asby.Caseworker);
        var headers = new List<(string, string)>();
        if (origin is not null) headers.Add(("Origin", origin));
        if (fetchSite is not null) headers.Add(("Sec-Fetch-Site", fetchSite));

        var problem = await (await client.SendAsync(Complete(task, [.. headers]))).ShouldBeProblem(HttpStatusCode.Forbidden);
        problem.GetProperty("title").GetString().ShouldBe("Begäran kom från en annan webbplats", what);
        (await StatusOf(task)).ShouldBe(CaseTaskStatus.Open, what);
    }

    [Fact]
    public async Task The_same_post_from_Samordnas_own_pages_or_from_an_API_client_completes_the_task()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var fromOwnPage = await OpenTask();
        (await client.SendAsync(Complete(fromOwnPage, ("Origin", "https://localhost"), ("Sec-Fetch-Site", "same-origin")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StatusOf(fromOwnPage)).ShouldBe(CaseTaskStatus.Done);

        var typedIntoTheAddressBar = await OpenTask();
        (await client.SendAsync(Complete(typedIntoTheAddressBar, ("Sec-Fetch-Site", "none")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var fromAnApiClient = await OpenTask();
        (await client.SendAsync(Complete(fromAnApiClient))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await StatusOf(fromAnApiClient)).ShouldBe(CaseTaskStatus.Done);
    }

    [Fact]
    public async Task Signing_out_and_signing_in_from_another_site_are_refused_too_but_reading_is_not()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/session") { Headers = { { "Origin", "https://evil.example" } } };
        await (await client.SendAsync(signOut)).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/session") { Headers = { { "Origin", "https://evil.example" } } };
        (await client.SendAsync(read)).StatusCode.ShouldBe(HttpStatusCode.OK, "still signed in, and a read is not a change");

        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/v1/session")
        {
            Headers = { { "Sec-Fetch-Site", "cross-site" } },
            Content = JsonContent.Create(new { userName = app.Asby.Caseworker, password = SamordnaApp.Password }),
        };
        var refused = await app.Anonymous().SendAsync(signIn);
        await refused.ShouldBeProblem(HttpStatusCode.Forbidden);
        refused.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task A_page_form_posted_from_another_site_is_refused_even_with_a_valid_antiforgery_token()
    {
        var browser = app.Anonymous();
        var html = await browser.Page("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Headers = { { "Origin", "https://evil.example" }, { "Accept", "text/html" } },
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = app.Asby.Caseworker, ["Input.Password"] = SamordnaApp.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        var response = await browser.SendAsync(post);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("Begäran kom från en annan webbplats");
        (await browser.GetAsync("/api/v1/session")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class CrossSiteRequestsOnSqlite(SqliteApp app) : CrossSiteRequestTests(app), IClassFixture<SqliteApp>;

public sealed class CrossSiteRequestsOnPostgres(PostgresApp app) : CrossSiteRequestTests(app), IClassFixture<PostgresApp>;
