using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Security;

/// <summary>
/// The browser-facing basics from the security review: every response — page, API, static file, error, 404 —
/// carries the same security headers, HSTS only on https, cookies are Secure, and no page needs inline script.
/// </summary>
public abstract partial class SecurityHeadersTests(SamordnaApp app)
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; " +
                                  "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static void ShouldCarryTheHeaders(HttpResponseMessage response, bool https = true)
    {
        var what = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} ({(int)response.StatusCode})";
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
        Header("Content-Security-Policy").ShouldBe(Policy, what);
        Header("X-Content-Type-Options").ShouldBe("nosniff", what);
        Header("Referrer-Policy").ShouldBe("same-origin", what);
        Header("X-Frame-Options").ShouldBe("DENY", what);
        Header("Strict-Transport-Security").ShouldBe(https ? "max-age=31536000; includeSubDomains" : null, what);
    }

    [Fact]
    public async Task Pages_the_API_static_files_errors_and_404s_all_carry_the_security_headers()
    {
        var anonymous = app.Anonymous();
        var signedIn = await app.SignedIn(app.Asby.Caseworker);
        var responses = new List<HttpResponseMessage>
        {
            await anonymous.GetAsync("/Account/Login"),
            await anonymous.GetAsync("/css/site.css"),
            await anonymous.GetAsync("/js/print.js"),
            await anonymous.GetAsync("/openapi/v1.json"),
            await anonymous.GetAsync("/health"),
            await anonymous.GetAsync("/api/v1/cases"),
            await anonymous.GetAsync("/no-such-page"),
            await signedIn.GetAsync("/"),
            await signedIn.GetAsync("/Cases"),
            await signedIn.GetAsync("/api/v1/session"),
            await signedIn.GetAsync($"/api/v1/cases/{Guid.NewGuid()}"),
            await signedIn.PostAsync("/api/v1/cases", new StringContent("{", System.Text.Encoding.UTF8, "application/json")),
            await signedIn.DeleteAsync("/api/v1/organisation"),
        };
        responses.Select(r => (int)r.StatusCode).Distinct().Count().ShouldBeGreaterThanOrEqualTo(5, "successes and errors of several kinds");
        foreach (var response in responses) ShouldCarryTheHeaders(response);
    }

    [Fact]
    public async Task HSTS_is_sent_on_https_only_and_plain_http_is_refused_rather_than_half_served()
    {
        var plain = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        var page = await plain.GetAsync("/Account/Login");
        ShouldCarryTheHeaders(page, https: false);
        await page.ShouldBeProblem(HttpStatusCode.Forbidden);
        var signIn = await plain.PostAsJsonAsync("/api/v1/session", new { userName = app.Asby.Caseworker, password = SamordnaApp.Password });
        (await signIn.ShouldBeProblem(HttpStatusCode.Forbidden)).GetProperty("title").GetString().ShouldBe("Samordna nås bara över https");
        signIn.Headers.Contains("Set-Cookie").ShouldBeFalse("no session cookie over plain http");
        (await plain.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK, "load balancers ask over http");
        ShouldCarryTheHeaders(await app.Anonymous().GetAsync("/Account/Login"), https: true);
    }

    [Fact]
    public async Task The_session_and_antiforgery_cookies_are_secure_http_only_and_same_site_strict()
    {
        var plain = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = SamordnaApp.BaseAddress, HandleCookies = false });
        var signIn = await plain.PostAsJsonAsync("/api/v1/session", new { userName = app.Asby.Caseworker, password = SamordnaApp.Password });
        signIn.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("samordna=", StringComparison.Ordinal));
        Attributes(session).ShouldContain("secure");
        Attributes(session).ShouldContain("httponly");
        Attributes(session).ShouldContain("samesite=strict");

        var form = await plain.GetAsync("/Account/Login");
        var cookies = form.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldNotBeEmpty("the sign-in form sets the antiforgery cookie");
        cookies.ShouldAllBe(c => Attributes(c).Contains("secure"));
    }

    private static string[] Attributes(string cookie) =>
        cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToArray();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\s(on[a-z]+|style)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandlerOrStyle();

    [GeneratedRegex(@"<style[\s>]|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElementOrScriptUrl();

    [Fact]
    public async Task No_page_has_inline_script_event_handlers_or_inline_style_which_the_policy_would_block()
    {
        var signedIn = await app.SignedIn(app.Asby.Caseworker);
        string[] pages = ["/", "/Cases", "/Cases/New", "/People", "/People/New"];
        var html = new List<(string Page, string Html)> { ("/Account/Login", await app.Anonymous().Page("/Account/Login")) };
        foreach (var page in pages) html.Add((page, await signedIn.Page(page)));
        html.ShouldAllBe(p => p.Html.Contains("<link rel=\"stylesheet\" href=\"/css/site.css\">"), "the style comes from a file");
        foreach (var (page, text) in html)
        {
            InlineScript().Match(text).Value.ShouldBeEmpty(page);
            InlineHandlerOrStyle().Match(text).Value.ShouldBeEmpty(page);
            StyleElementOrScriptUrl().Match(text).Value.ShouldBeEmpty(page);
        }
    }

    /// <summary>Every page source, not only the ones rendered above: a handler added to any page would be blocked in the browser.</summary>
    [Fact]
    public void No_page_source_has_inline_script_event_handlers_or_inline_style()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Samordna.slnx"))) root = root.Parent;
        root.ShouldNotBeNull("the tests run inside the repository");
        var sources = Directory.GetFiles(Path.Combine(root.FullName, "src", "Samordna.Web", "Pages"), "*.cshtml", SearchOption.AllDirectories);
        sources.Length.ShouldBeGreaterThan(20);
        foreach (var source in sources)
        {
            var text = File.ReadAllText(source);
            InlineScript().Match(text).Value.ShouldBeEmpty(source);
            InlineHandlerOrStyle().Match(text).Value.ShouldBeEmpty(source);
            StyleElementOrScriptUrl().Match(text).Value.ShouldBeEmpty(source);
        }
    }
}

public sealed class SecurityHeadersOnSqlite(SqliteApp app) : SecurityHeadersTests(app), IClassFixture<SqliteApp>;

public sealed class SecurityHeadersOnPostgres(PostgresApp app) : SecurityHeadersTests(app), IClassFixture<PostgresApp>;
