using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Api;

public abstract class HostTests(SamordnaApp app)
{
    [Fact]
    public async Task Health_answers_when_the_database_is_reachable_and_ready_when_migrated()
    {
        var client = app.Anonymous();
        (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_sign_in_page_answers_without_a_session()
    {
        var response = await app.Anonymous().GetAsync("/Account/Login");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("type=\"password\"");
    }

    [Fact]
    public async Task A_page_without_a_session_redirects_to_sign_in()
    {
        var response = await app.Anonymous().GetAsync("/Cases");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task The_API_without_a_session_answers_401_problem_details() =>
        await (await app.Anonymous().GetAsync("/api/v1/cases")).ShouldBeProblem(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_problem_that_does_not_tell_whether_the_user_exists()
    {
        var client = app.Anonymous();
        var wrongPassword = await (await client.PostAsJsonAsync("/api/v1/session", new { userName = app.Asby.Therapist, password = "wrong-password-123" }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized);
        var noSuchUser = await (await client.PostAsJsonAsync("/api/v1/session", new { userName = "nobody", password = "wrong-password-123" }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized);
        wrongPassword.GetProperty("detail").GetString().ShouldBe(noSuchUser.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/api/v2/cases")]
    [InlineData("/no-such-page")]
    public async Task An_unknown_route_answers_404_problem_details(string path)
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        await (await client.GetAsync(path)).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_route_in_a_browser_gets_a_readable_page()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Accept.ParseAdd("text/html");
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("finns inte");
    }

    [Fact]
    public async Task A_method_the_route_does_not_have_answers_405_problem_details()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        await (await client.DeleteAsync("/api/v1/people")).ShouldBeProblem(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_API()
    {
        var json = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        json.ShouldContain("\"/api/v1/people\"");
        json.ShouldContain("\"/api/v1/cases/{id}\"");
    }

    [Fact]
    public async Task After_signing_out_a_copy_of_the_old_session_cookie_is_worthless()
    {
        var signIn = await app.Anonymous().PostAsJsonAsync("/api/v1/session", new { userName = app.Asby.Caseworker, password = SamordnaApp.Password });
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var bare = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = SamordnaApp.BaseAddress, HandleCookies = false, AllowAutoRedirect = false });
        HttpRequestMessage WithCookie(HttpMethod method) => new(method, "/api/v1/session") { Headers = { { "Cookie", cookie } } };

        (await bare.SendAsync(WithCookie(HttpMethod.Get))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bare.SendAsync(WithCookie(HttpMethod.Delete))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await bare.SendAsync(WithCookie(HttpMethod.Get))).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await app.SignedIn(app.Asby.Caseworker);
        (await client.GetAsync("/api/v1/session")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.DeleteAsync("/api/v1/session")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await client.GetAsync("/api/v1/session")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}

public sealed class HostOnSqlite(SqliteApp app) : HostTests(app), IClassFixture<SqliteApp>;

public sealed class HostOnPostgres(PostgresApp app) : HostTests(app), IClassFixture<PostgresApp>;
