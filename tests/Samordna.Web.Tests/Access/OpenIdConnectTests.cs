using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Samordna.Core.Staff;
using Samordna.Data;
using Samordna.Web.Access;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Access;

/// <summary>
/// Sign-in through the municipality's identity provider, with local accounts turned off: the sign-in
/// page, the round trip through <see cref="FakeIdentityProvider"/> (challenge, /signin-oidc, the
/// callback that signs in with the application cookie), the user-name lookup, and passwords refused.
/// </summary>
public abstract class OpenIdConnectTests(SamordnaApp app, FakeIdentityProvider idp)
{
    [Fact]
    public async Task The_sign_in_page_offers_the_provider_and_no_password_form()
    {
        var page = await (await Browser().GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        page.ShouldContain($"Logga in med {FakeIdentityProvider.DisplayName}");
        page.ShouldContain("action=\"/Account/ExternalLogin\"");
        page.ShouldNotContain("type=\"password\"");
    }

    [Fact]
    public async Task The_button_sends_the_browser_to_the_provider_for_a_code_with_PKCE()
    {
        var response = await Challenge(Browser(), "/Cases");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.GetLeftPart(UriPartial.Path).ShouldBe("https://idp.example/authorize");
        var query = QueryHelpers.ParseQuery(location.Query);
        query["client_id"].ToString().ShouldBe(FakeIdentityProvider.ClientId);
        query["response_type"].ToString().ShouldBe("code");
        query["code_challenge"].ToString().ShouldNotBeNullOrWhiteSpace();
        query["code_challenge_method"].ToString().ShouldBe("S256");
        query["redirect_uri"].ToString().ShouldEndWith("/signin-oidc");
        query["scope"].ToString().Split(' ').ShouldBe(["openid", "profile"], ignoreOrder: true);
    }

    [Fact]
    public async Task Without_the_antiforgery_token_the_button_does_nothing()
    {
        var browser = Browser();
        await browser.GetAsync("/Account/Login");
        var response = await browser.PostAsync("/Account/ExternalLogin", new FormUrlEncodedContent([]));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_active_member_of_staff_comes_back_signed_in_with_the_ordinary_session()
    {
        var browser = Browser();
        var callback = await RoundTrip(browser, new Dictionary<string, object>
        {
            ["sub"] = "idp-subject-1",
            ["preferred_username"] = app.Asby.Caseworker.ToUpperInvariant(),
        }, "/Cases");

        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        callback.Headers.Location!.ToString().ShouldStartWith("/Account/ExternalLogin?");
        QueryHelpers.ParseQuery(callback.Headers.Location.ToString().Split('?')[1])["handler"].ToString().ShouldBe("Callback");
        var landing = await browser.GetAsync(callback.Headers.Location);
        landing.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await landing.Content.ReadAsStringAsync();
        html.ShouldContain("<meta http-equiv=\"refresh\" content=\"0;url=/Cases\">");
        html.ShouldContain("<a href=\"/Cases\">");

        var session = await browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/session");
        session.GetProperty("staffMemberId").GetGuid().ShouldBe(app.Asby.CaseworkerId);
        (await browser.GetAsync("/Cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_user_name_is_told_so_on_the_sign_in_page_and_nothing_is_signed_in()
    {
        var browser = Browser();
        var callback = await RoundTrip(browser, new Dictionary<string, object> { ["sub"] = "idp-subject-2", ["preferred_username"] = "okand.person" });
        var landing = await browser.GetAsync(callback.Headers.Location);

        landing.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        landing.Headers.Location!.ToString().ShouldStartWith("/Account/Login");
        var page = await (await browser.GetAsync(landing.Headers.Location)).Content.ReadAsStringAsync();
        page.ShouldContain("Ingen aktiv medarbetare i Samordna har användarnamnet okand.person. Kontakta systemförvaltaren.");
        page.ShouldContain("role=\"alert\"");
        await (await browser.GetAsync("/api/v1/session")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_deactivated_member_of_staff_is_not_signed_in()
    {
        var member = await app.AddStaff(app.Asby.OrganisationId, $"slutat.{Guid.NewGuid():N}"[..20], [(app.Asby.ViolenceTeam, StaffRole.Caseworker)]);
        await Deactivate(member.Id);
        var browser = Browser();
        var callback = await RoundTrip(browser, new Dictionary<string, object> { ["sub"] = "idp-subject-3", ["preferred_username"] = member.UserName });
        var landing = await browser.GetAsync(callback.Headers.Location);

        landing.Headers.Location!.ToString().ShouldStartWith("/Account/Login");
        (await (await browser.GetAsync(landing.Headers.Location)).Content.ReadAsStringAsync())
            .ShouldContain($"Ingen aktiv medarbetare i Samordna har användarnamnet {member.UserName}.");
        await (await browser.GetAsync("/api/v1/session")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_answer_without_the_user_name_claim_names_the_missing_claim()
    {
        var browser = Browser();
        var callback = await RoundTrip(browser, new Dictionary<string, object> { ["sub"] = "idp-subject-4", ["name"] = "Utan Användarnamn" });
        var landing = await browser.GetAsync(callback.Headers.Location);
        (await (await browser.GetAsync(landing.Headers.Location)).Content.ReadAsStringAsync())
            .ShouldContain("uppgiften preferred_username saknas");
        await (await browser.GetAsync("/api/v1/session")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_sign_in_cancelled_at_the_provider_ends_on_the_sign_in_page_with_a_message()
    {
        var browser = Browser();
        var challenge = await Challenge(browser, "/");
        var state = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query)["state"].ToString();
        var failed = await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["error"] = "access_denied",
            ["state"] = state,
        }));

        failed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var landing = await browser.GetAsync(failed.Headers.Location);
        landing.Headers.Location!.ToString().ShouldStartWith("/Account/Login");
        (await (await browser.GetAsync(landing.Headers.Location)).Content.ReadAsStringAsync())
            .ShouldContain($"Inloggningen med {FakeIdentityProvider.DisplayName} avbröts eller nekades.");
    }

    [Fact]
    public async Task A_replayed_callback_ends_on_the_sign_in_page_not_in_an_error()
    {
        var browser = Browser();
        var challenge = await Challenge(browser, "/");
        var authorize = challenge.Headers.Location!;
        var form = new Dictionary<string, string>
        {
            ["code"] = idp.SignIn(authorize, new Dictionary<string, object> { ["sub"] = "idp-subject-5", ["preferred_username"] = app.Asby.Therapist }),
            ["state"] = QueryHelpers.ParseQuery(authorize.Query)["state"].ToString(),
        };
        (await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(form))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var replayed = await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(form));
        replayed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var landing = await browser.GetAsync(replayed.Headers.Location);
        landing.Headers.Location!.ToString().ShouldStartWith("/Account/Login");
        (await (await browser.GetAsync(landing.Headers.Location)).Content.ReadAsStringAsync())
            .ShouldContain("svaret kunde inte godtas");
        await (await browser.GetAsync("/api/v1/session")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_API_refuses_a_correct_password_without_looking_at_it()
    {
        var client = app.Anonymous();
        var problem = await (await client.PostAsJsonAsync("/api/v1/session", new { userName = app.Asby.Caseworker, password = SamordnaApp.Password }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString().ShouldBe($"Lokala konton är avstängda; logga in med {FakeIdentityProvider.DisplayName}.");

        // Not even a wrong password is counted: six of them would otherwise lock the account.
        for (var i = 0; i < 6; i++)
            await client.PostAsJsonAsync("/api/v1/session", new { userName = app.Asby.Therapist, password = "wrong-password-123" });
        var account = await app.InDatabase(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == app.Asby.Therapist));
        account.AccessFailedCount.ShouldBe(0);
        account.LockoutEnd.ShouldBeNull();
        await (await client.GetAsync("/api/v1/session")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_sign_in_form_refuses_a_password_posted_anyway()
    {
        var browser = Browser();
        var token = await AntiforgeryToken(browser);
        var response = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = app.Asby.Caseworker,
            ["Input.Password"] = SamordnaApp.Password,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"Lokala konton är avstängda; logga in med {FakeIdentityProvider.DisplayName}.");
        await (await browser.GetAsync("/api/v1/session")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    /// <summary>A browser on https (the handler's correlation and nonce cookies are Secure) that keeps cookies and shows redirects.</summary>
    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions
        { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<string> AntiforgeryToken(HttpClient browser)
    {
        var page = await browser.GetStringAsync("/Account/Login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        return token;
    }

    /// <summary>Presses the sign-in page's provider button.</summary>
    private static async Task<HttpResponseMessage> Challenge(HttpClient browser, string returnUrl)
    {
        var token = await AntiforgeryToken(browser);
        return await browser.PostAsync("/Account/ExternalLogin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReturnUrl"] = returnUrl,
        }));
    }

    /// <summary>The button, the provider vouching for <paramref name="claims"/>, and its form post to /signin-oidc; returns the handler's answer.</summary>
    private async Task<HttpResponseMessage> RoundTrip(HttpClient browser, IReadOnlyDictionary<string, object> claims, string returnUrl = "/")
    {
        var challenge = await Challenge(browser, returnUrl);
        var authorize = challenge.Headers.Location!;
        var code = idp.SignIn(authorize, claims);
        var tokenRequests = idp.TokenRequests;
        var response = await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = code,
            ["state"] = QueryHelpers.ParseQuery(authorize.Query)["state"].ToString(),
        }));
        idp.TokenRequests.ShouldBe(tokenRequests + 1);
        return response;
    }

    private Task Deactivate(Guid staffMemberId) => app.InDatabase(async db =>
    {
        var member = await db.Set<StaffMember>().SingleAsync(s => s.Id == staffMemberId);
        member.Deactivate();
        return await db.SaveChangesAsync();
    });
}

public sealed class OpenIdConnectSqliteApp : SqliteApp
{
    public FakeIdentityProvider Idp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Idp.Install(builder, localAccounts: false);
    }
}

public sealed class OpenIdConnectPostgresApp : PostgresApp
{
    public FakeIdentityProvider Idp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Idp.Install(builder, localAccounts: false);
    }
}

public sealed class OpenIdConnectOnSqlite(OpenIdConnectSqliteApp app) : OpenIdConnectTests(app, app.Idp), IClassFixture<OpenIdConnectSqliteApp>;

public sealed class OpenIdConnectOnPostgres(OpenIdConnectPostgresApp app) : OpenIdConnectTests(app, app.Idp), IClassFixture<OpenIdConnectPostgresApp>;

/// <summary>Both ways in at once: the provider's button above the password form, and passwords still work.</summary>
public sealed class OpenIdConnectBesideLocalAccounts(OpenIdConnectBesideLocalAccounts.App app) : IClassFixture<OpenIdConnectBesideLocalAccounts.App>
{
    public sealed class App : SqliteApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            new FakeIdentityProvider().Install(builder, localAccounts: true);
        }
    }

    [Fact]
    public async Task The_sign_in_page_offers_both_and_a_password_still_signs_in()
    {
        var page = await app.Anonymous().GetStringAsync("/Account/Login");
        page.ShouldContain($"Logga in med {FakeIdentityProvider.DisplayName}");
        page.ShouldContain("type=\"password\"");
        page.IndexOf("ExternalLogin", StringComparison.Ordinal).ShouldBeLessThan(page.IndexOf("type=\"password\"", StringComparison.Ordinal));

        var client = await app.SignedIn(app.Asby.Caseworker);
        (await client.GetAsync("/api/v1/session")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>The default configuration: no authority, so no provider — the button and the page's POST are not there.</summary>
public sealed class WithoutOpenIdConnect(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_sign_in_page_has_only_the_password_form_and_the_provider_page_answers_404()
    {
        var client = app.Anonymous();
        var page = await client.GetStringAsync("/Account/Login");
        page.ShouldContain("type=\"password\"");
        page.ShouldNotContain("ExternalLogin");

        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/Account/ExternalLogin", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token }));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

/// <summary>
/// The settings for a shared workstation and a required assurance level reach the provider: prompt=login and
/// max_age make it ask again, acr_values names the level. Behind a TLS proxy that is a known proxy, the
/// redirect URI is the https one the browser sees (X-Forwarded-Proto), not the proxy's plain http.
/// </summary>
public sealed class OpenIdConnectRequestSettings(OpenIdConnectRequestSettings.App app) : IClassFixture<OpenIdConnectRequestSettings.App>
{
    public sealed class App : SqliteApp
    {
        public FakeIdentityProvider Idp { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Idp.Install(builder, localAccounts: false);
            builder.UseSetting("Samordna:SignIn:OpenIdConnect:Prompt", "login");
            builder.UseSetting("Samordna:SignIn:OpenIdConnect:MaxAgeMinutes", "0");
            builder.UseSetting("Samordna:SignIn:OpenIdConnect:RequiredAssurance", "http://id.elegnamnden.se/loa/1.0/loa3 urn:siths");
            builder.UseSetting("Samordna:ForwardedHeaders:KnownProxies", "127.0.0.1");
        }
    }

    [Fact]
    public async Task Prompt_max_age_and_the_assurance_level_are_asked_for()
    {
        var query = QueryHelpers.ParseQuery((await Challenge("https://localhost", forwardedProto: null)).Query);
        query["prompt"].ToString().ShouldBe("login");
        query["max_age"].ToString().ShouldBe("0");
        query["acr_values"].ToString().ShouldBe("http://id.elegnamnden.se/loa/1.0/loa3 urn:siths");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(-3600, false)]
    [InlineData(-5, true)]
    public async Task With_max_age_a_sign_in_older_than_that_is_not_accepted(int? authTimeSecondsAgo, bool accepted)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        var authorize = await Challenge(browser, forwardedProto: null);
        var claims = new Dictionary<string, object> { ["sub"] = $"max-age-{Guid.NewGuid():N}", ["preferred_username"] = app.Asby.Caseworker };
        if (authTimeSecondsAgo is { } ago) claims["auth_time"] = DateTimeOffset.UtcNow.AddSeconds(ago).ToUnixTimeSeconds();
        // Accepted only by the assurance level asked for.
        claims["acr"] = "urn:siths";
        var callback = await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = app.Idp.SignIn(authorize, claims),
            ["state"] = QueryHelpers.ParseQuery(authorize.Query)["state"].ToString(),
        }));
        var landing = await browser.GetAsync(callback.Headers.Location);
        if (accepted)
        {
            landing.StatusCode.ShouldBe(HttpStatusCode.OK, landing.Headers.Location?.ToString());
            (await browser.GetAsync("/api/v1/session")).StatusCode.ShouldBe(HttpStatusCode.OK);
            await browser.DeleteAsync("/api/v1/session");
        }
        else
        {
            landing.Headers.Location!.ToString().ShouldStartWith("/Account/Login");
            (await (await browser.GetAsync(landing.Headers.Location)).Content.ReadAsStringAsync()).ShouldContain("svaret kunde inte godtas");
            await (await browser.GetAsync("/api/v1/session")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Behind_a_known_TLS_proxy_the_redirect_uri_is_https()
    {
        var behindProxy = QueryHelpers.ParseQuery((await Challenge("http://samordna.asby.se", forwardedProto: "https")).Query);
        behindProxy["redirect_uri"].ToString().ShouldBe("https://samordna.asby.se/signin-oidc");

        // Control: the same request without the proxy's word is plain HTTP, which Samordna does not serve at all
        // (so no http redirect URI can ever be sent).
        var direct = PlainHttpBrowser("http://samordna.asby.se");
        await (await direct.GetAsync("/Account/Login")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    private Task<Uri> Challenge(string baseAddress, string? forwardedProto) => Challenge(PlainHttpBrowser(baseAddress), forwardedProto);

    /// <summary>
    /// A client on plain http, as the proxy talks to Samordna. It keeps cookies itself: the Secure cookies Samordna sets
    /// are meant for the browser on https, which a cookie container would not send back over http.
    /// </summary>
    private HttpClient PlainHttpBrowser(string baseAddress) => app.CreateDefaultClient(new Uri(baseAddress), new ProxiedCookies());

    private sealed class ProxiedCookies : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var pair in set.Select(c => c.Split(';')[0]).Where(c => c.Contains('=')))
                    _cookies[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
            return response;
        }
    }

    private static async Task<Uri> Challenge(HttpClient browser, string? forwardedProto)
    {
        if (forwardedProto is not null) browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        var page = await browser.GetStringAsync("/Account/Login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await browser.PostAsync("/Account/ExternalLogin", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.GetLeftPart(UriPartial.Path).ShouldBe("https://idp.example/authorize");
        return response.Headers.Location;
    }
}

/// <summary>A provider that cannot be reached: pressing the button ends on the sign-in page saying so, never in a 500.</summary>
public abstract class UnreachableIdentityProviderTests(SamordnaApp app)
{
    /// <summary>A loopback port nothing listens on.</summary>
    public static void Install(IWebHostBuilder builder)
    {
        builder.UseSetting("Samordna:SignIn:LocalAccounts", "false");
        builder.UseSetting("Samordna:SignIn:OpenIdConnect:Authority", $"https://127.0.0.1:{OpenIdProvider.FreePort()}");
        builder.UseSetting("Samordna:SignIn:OpenIdConnect:ClientId", "samordna");
        builder.UseSetting("Samordna:SignIn:OpenIdConnect:DisplayName", "Åsby kommuns inloggning");
    }

    [Fact]
    public async Task The_button_ends_on_the_sign_in_page_with_a_clear_message()
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        var page = await browser.GetStringAsync("/Account/Login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var pressed = await browser.PostAsync("/Account/ExternalLogin", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        pressed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await pressed.Content.ReadAsStringAsync());
        pressed.Headers.Location!.ToString().ShouldStartWith("/Account/Login");
        var landing = await browser.GetAsync(pressed.Headers.Location);
        landing.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await landing.Content.ReadAsStringAsync();
        html.ShouldContain("Åsby kommuns inloggning svarar inte just nu");
        html.ShouldContain("role=\"alert\"");
    }
}

public sealed class UnreachableIdentityProviderSqliteApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        UnreachableIdentityProviderTests.Install(builder);
    }
}

public sealed class UnreachableIdentityProviderPostgresApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        UnreachableIdentityProviderTests.Install(builder);
    }
}

public sealed class UnreachableIdentityProviderOnSqlite(UnreachableIdentityProviderSqliteApp app)
    : UnreachableIdentityProviderTests(app), IClassFixture<UnreachableIdentityProviderSqliteApp>;

public sealed class UnreachableIdentityProviderOnPostgres(UnreachableIdentityProviderPostgresApp app)
    : UnreachableIdentityProviderTests(app), IClassFixture<UnreachableIdentityProviderPostgresApp>;

/// <summary>Configurations that would leave nobody able to sign in, or name a provider half-way, stop the host.</summary>
public sealed class SignInConfigurationTests
{
    private static SignInSettings Read(Dictionary<string, string?> values, string environment = "Production") =>
        SignInSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build(),
            new HostingEnvironment { EnvironmentName = environment });

    [Fact]
    public void By_default_local_accounts_are_on_and_OpenID_Connect_is_off()
    {
        var settings = Read([]);
        settings.LocalAccounts.ShouldBeTrue();
        settings.OpenIdConnect.ShouldBeNull();
    }

    [Fact]
    public void An_authority_turns_OpenID_Connect_on_with_the_defaults()
    {
        var oidc = Read(new() { ["Samordna:SignIn:OpenIdConnect:Authority"] = "https://login.asby.se", ["Samordna:SignIn:OpenIdConnect:ClientId"] = "samordna" })
            .OpenIdConnect.ShouldNotBeNull();
        oidc.ClientSecret.ShouldBeNull();
        oidc.UserNameClaim.ShouldBe("preferred_username");
        oidc.DisplayName.ShouldBe("kommunens inloggning");
        oidc.Scopes.ShouldBeEmpty();
    }

    [Fact]
    public void Extra_scopes_are_read_space_separated_without_the_ones_always_asked_for()
    {
        var oidc = Read(new()
        {
            ["Samordna:SignIn:OpenIdConnect:Authority"] = "https://login.asby.se",
            ["Samordna:SignIn:OpenIdConnect:ClientId"] = "samordna",
            ["Samordna:SignIn:OpenIdConnect:Scopes"] = " email  openid groups email ",
        }).OpenIdConnect!;
        oidc.Scopes.ShouldBe(["email", "groups"]);
    }

    [Fact]
    public void An_authority_without_a_client_id_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => Read(new() { ["Samordna:SignIn:OpenIdConnect:Authority"] = "https://login.asby.se" }))
            .Message.ShouldContain("Samordna:SignIn:OpenIdConnect:ClientId is missing");
    }

    [Fact]
    public void Turning_local_accounts_off_without_a_provider_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => Read(new() { ["Samordna:SignIn:LocalAccounts"] = "false" }))
            .Message.ShouldContain("nobody could sign in");
    }

    [Fact]
    public void A_plain_http_authority_is_refused_outside_development()
    {
        var values = new Dictionary<string, string?>
        {
            ["Samordna:SignIn:OpenIdConnect:Authority"] = "http://localhost:8080/realms/asby",
            ["Samordna:SignIn:OpenIdConnect:ClientId"] = "samordna",
        };
        Should.Throw<InvalidOperationException>(() => Read(values)).Message.ShouldContain("https");
        Read(values, Environments.Development).OpenIdConnect.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("Prompt", "always", "Prompt is 'always'")]
    [InlineData("Prompt", "none login", "Prompt is 'none login'")]
    [InlineData("MaxAgeMinutes", "-1", "MaxAgeMinutes is '-1'")]
    [InlineData("MaxAgeMinutes", "ten", "MaxAgeMinutes is 'ten'")]
    [InlineData("LinkByUserName", "ja", "LinkByUserName is 'ja'")]
    [InlineData("CertificateAuthorityFile", "/no/such/ca.pem", "CertificateAuthorityFile is '/no/such/ca.pem'")]
    public void A_malformed_sign_in_setting_is_refused_naming_it(string setting, string value, string message)
    {
        Should.Throw<InvalidOperationException>(() => Read(new()
        {
            ["Samordna:SignIn:OpenIdConnect:Authority"] = "https://login.asby.se",
            ["Samordna:SignIn:OpenIdConnect:ClientId"] = "samordna",
            [$"Samordna:SignIn:OpenIdConnect:{setting}"] = value,
        })).Message.ShouldContain(message);
    }

    [Fact]
    public void Prompt_max_age_assurance_and_linking_are_read()
    {
        var oidc = Read(new()
        {
            ["Samordna:SignIn:OpenIdConnect:Authority"] = "https://login.asby.se",
            ["Samordna:SignIn:OpenIdConnect:ClientId"] = "samordna",
            ["Samordna:SignIn:OpenIdConnect:Prompt"] = "login",
            ["Samordna:SignIn:OpenIdConnect:MaxAgeMinutes"] = "15",
            ["Samordna:SignIn:OpenIdConnect:RequiredAssurance"] = "urn:siths  urn:bankid",
            ["Samordna:SignIn:OpenIdConnect:LinkByUserName"] = "false",
        }).OpenIdConnect!;
        oidc.Prompt.ShouldBe("login");
        oidc.MaxAge.ShouldBe(TimeSpan.FromMinutes(15));
        oidc.RequiredAssurance.ShouldBe(["urn:siths", "urn:bankid"]);
        oidc.LinkByUserName.ShouldBeFalse();

        var defaults = Read(new() { ["Samordna:SignIn:OpenIdConnect:Authority"] = "https://login.asby.se", ["Samordna:SignIn:OpenIdConnect:ClientId"] = "samordna" }).OpenIdConnect!;
        (defaults.Prompt, defaults.MaxAge, defaults.RequiredAssurance.Count, defaults.LinkByUserName).ShouldBe((null, null, 0, true));
    }

    [Fact]
    public void The_host_does_not_start_with_an_authority_but_no_client_id()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Samordna:SignIn:OpenIdConnect:Authority", "https://login.asby.se");
        });
        Should.Throw<InvalidOperationException>(() => factory.CreateClient()).Message.ShouldContain("ClientId is missing");
    }
}
