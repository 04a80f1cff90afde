using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Staff;
using Samordna.Data;
using Samordna.Web.Access;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Access;

/// <summary>
/// Sign-in against a real, certified OpenID provider (<see cref="OpenIdProvider"/>: panva's oidc-provider on
/// loopback over HTTPS with a test CA), with Samordna on Kestrel on a real port so the provider can reach
/// it for back-channel logout. Local accounts are off and the provider serves profile claims from userinfo
/// only. The app requires assurance level <see cref="High"/>; accounts have it unless a test says otherwise.
/// </summary>
public abstract class OpenIdConnectProviderTests(SamordnaApp app, OpenIdProvider idp)
{
    public const string High = "urn:samordna:test:acr:high";
    public const string Low = "urn:samordna:test:acr:low";

    private OpenIdProvider Idp => idp;

    [Fact]
    public async Task Claims_served_only_from_userinfo_sign_the_member_in_and_bind_issuer_and_subject()
    {
        var (member, login, subject) = await Person();
        using var browser = new TestBrowser(Idp);

        var prompt = await browser.PressProviderButton("/Cases");
        prompt.IsProviderLogin.ShouldBeTrue(prompt.Html);
        // The request was pushed (PAR): the browser carries only its handle, the PKCE challenge and redirect URI went on the back channel.
        var authorize = prompt.Visited.First(u => u.GetLeftPart(UriPartial.Authority) == Idp.Issuer);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query);
        query.ShouldContainKey("request_uri");
        query.ShouldNotContainKey("code_challenge");
        query.ShouldNotContainKey("redirect_uri");
        var landing = await browser.SignInAtProvider(prompt, login);

        landing.Address.AbsolutePath.ShouldBe("/Account/ExternalLogin", landing.Html);
        landing.Html.ShouldContain("content=\"0;url=/Cases\"");
        (await SessionOf(browser)).ShouldBe(member.Id);

        // The user name was not in the ID token (the provider keeps profile claims to userinfo): only userinfo can have given it.
        var idToken = new JsonWebToken(IdTokenIn(browser).ShouldNotBeNull());
        idToken.Subject.ShouldBe(subject);
        idToken.TryGetPayloadValue<string>("preferred_username", out _).ShouldBeFalse();

        var logins = await app.InDatabase(db => db.UserLogins.AsNoTracking().Where(l => l.UserId == member.Id).ToListAsync());
        logins.Select(l => (l.LoginProvider, l.ProviderKey)).ShouldBe([(Idp.Issuer, subject)]);
        (await Actions(member.Id)).ShouldBe([AuditAction.LinkProviderAccount, AuditAction.SignInThroughProvider]);
    }

    [Fact]
    public async Task A_second_provider_account_with_the_same_user_name_is_refused_and_logged()
    {
        var (member, first, _) = await Person();
        using (var browser = new TestBrowser(Idp))
            await browser.SignInAtProvider(await browser.PressProviderButton(), first);

        var second = $"impostor-{Guid.NewGuid():N}";
        Idp.AddAccount(second, $"sub-{Guid.NewGuid():N}", member.UserName, High);
        using var other = new TestBrowser(Idp);
        var refused = await other.SignInAtProvider(await other.PressProviderButton(), second);

        refused.Address.AbsolutePath.ShouldBe("/Account/Login");
        refused.Html.ShouldContain($"Medarbetaren {member.UserName} i Samordna är redan kopplad till ett annat konto hos {RealProvider.DisplayName}.");
        refused.Html.ShouldContain("role=\"alert\"");
        (await SessionOf(other)).ShouldBeNull();
        (await Actions(member.Id)).ShouldContain(AuditAction.SignInThroughProviderRefused);

        // The bound account still gets in.
        using var again = new TestBrowser(Idp);
        await again.SignInAtProvider(await again.PressProviderButton(), first);
        (await SessionOf(again)).ShouldBe(member.Id);
    }

    [Fact]
    public async Task Signing_out_ends_the_provider_session_too_so_the_next_sign_in_asks_again()
    {
        var (member, login, _) = await Person();
        using var browser = new TestBrowser(Idp);
        await browser.SignInAtProvider(await browser.PressProviderButton(), login);

        // Control: while the provider's session lives, the button signs in without asking.
        var straight = await browser.PressProviderButton();
        straight.IsProviderLogin.ShouldBeFalse();
        straight.Address.AbsolutePath.ShouldBe("/Account/ExternalLogin");

        var signedOut = await browser.SignOut();
        signedOut.Visited.ShouldContain(u => u.GetLeftPart(UriPartial.Authority) == Idp.Issuer && u.AbsolutePath == "/session/end",
            string.Join("\n", signedOut.Visited));
        signedOut.Visited.ShouldContain(u => u.AbsolutePath == "/signout-callback-oidc");
        signedOut.Address.AbsolutePath.ShouldBe("/Account/Logout");
        signedOut.Html.ShouldContain("Du är utloggad");
        (await SessionOf(browser)).ShouldBeNull();

        (await browser.PressProviderButton()).IsProviderLogin.ShouldBeTrue();
        (await Actions(member.Id)).Count(a => a == AuditAction.SignInThroughProvider).ShouldBe(2);
    }

    [Fact]
    public async Task After_a_session_ends_without_signing_out_the_next_sign_in_asks_at_the_provider_again()
    {
        var (member, login, _) = await Person();
        using var browser = new TestBrowser(Idp);
        await browser.SignInAtProvider(await browser.PressProviderButton(), login);

        // The idle timeout: the session cookie is no longer good, the provider's session still is.
        browser.Forget("samordna");
        (await SessionOf(browser)).ShouldBeNull();
        var next = await browser.PressProviderButton();
        next.IsProviderLogin.ShouldBeTrue(next.Address.ToString());
        await browser.SignInAtProvider(next, login);
        (await SessionOf(browser)).ShouldBe(member.Id);

        // Control: without the mark of an earlier sign-in in this browser the provider's session would have let anyone in.
        browser.Forget("samordna");
        browser.Forget(OpenIdConnectSignIn.ProviderSessionCookie);
        (await browser.PressProviderButton()).Address.AbsolutePath.ShouldBe("/Account/ExternalLogin");
    }

    [Fact]
    public async Task Signing_out_at_the_provider_ends_the_Samordna_session_through_the_back_channel()
    {
        var (member, login, _) = await Person();
        using var browser = new TestBrowser(Idp);
        await browser.SignInAtProvider(await browser.PressProviderButton(), login);
        (await SessionOf(browser)).ShouldBe(member.Id);

        // Another tab, straight at the provider: its logout, not Samordna's.
        var atProvider = await browser.Get($"{Idp.Issuer}/session/end");
        atProvider.Html.ShouldContain("Signed out", customMessage: atProvider.Html);

        (await SessionOf(browser)).ShouldBeNull(Idp.Output);
        (await Actions(member.Id)).ShouldContain(AuditAction.SignedOutByProvider);
    }

    [Fact]
    public async Task A_logout_token_that_is_not_the_providers_or_not_a_logout_token_is_refused_and_ends_nothing()
    {
        var (member, login, subject) = await Person();
        using var browser = new TestBrowser(Idp);
        await browser.SignInAtProvider(await browser.PressProviderButton(), login);
        var idToken = IdTokenIn(browser)!;

        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Idp.Issuer, Audience = OpenIdProvider.ClientId, IssuedAt = DateTime.UtcNow, TokenType = "logout+jwt",
            Claims = new Dictionary<string, object>
            {
                ["sub"] = subject, ["jti"] = Guid.NewGuid().ToString(),
                ["events"] = new Dictionary<string, object> { ["http://schemas.openid.net/event/backchannel-logout"] = new Dictionary<string, object>() },
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
        });
        foreach (var token in new[] { "not-a-token", forged, idToken })
        {
            var response = await browser.Send(new HttpRequestMessage(HttpMethod.Post, $"{Idp.AppBase}{ProviderLogout.BackChannelPath}")
                { Content = new FormUrlEncodedContent([new("logout_token", token)]) });
            await response.ShouldBeProblem(HttpStatusCode.BadRequest);
            response.Headers.CacheControl?.NoStore.ShouldBeTrue();
        }
        (await SessionOf(browser)).ShouldBe(member.Id);
        (await Actions(member.Id)).ShouldNotContain(AuditAction.SignedOutByProvider);
    }

    [Fact]
    public async Task A_binding_set_by_the_administrator_signs_in_whatever_user_name_the_provider_sends()
    {
        var member = await app.AddStaff(app.Asby.OrganisationId, $"bunden.{Guid.NewGuid():N}"[..20], [(app.Asby.ViolenceTeam, StaffRole.Caseworker)]);
        var login = $"bound-{Guid.NewGuid():N}";
        var subject = $"sub-{Guid.NewGuid():N}";
        Idp.AddAccount(login, subject, "helt.annat.namn", High);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var administrator = new Actor(Guid.NewGuid(), app.Asby.OrganisationId, "Systemförvaltare", [new UnitRole(app.Asby.ViolenceTeam, StaffRole.SystemAdministrator)]);
            await scope.ServiceProvider.GetRequiredService<ProviderSignIn>().Link(administrator, member.Id, new ProviderAccount(Idp.Issuer, subject), CancellationToken.None);
        }

        using var browser = new TestBrowser(Idp);
        await browser.SignInAtProvider(await browser.PressProviderButton(), login);
        (await SessionOf(browser)).ShouldBe(member.Id);
        (await Actions(member.Id)).ShouldBe([AuditAction.LinkProviderAccount, AuditAction.SignInThroughProvider]);
    }

    [Fact]
    public async Task A_sign_in_below_the_required_assurance_level_is_refused()
    {
        var (member, _, _) = await Person();
        var login = $"low-{Guid.NewGuid():N}";
        Idp.AddAccount(login, $"sub-{Guid.NewGuid():N}", member.UserName, Low);
        using var browser = new TestBrowser(Idp);
        var refused = await browser.SignInAtProvider(await browser.PressProviderButton(), login);

        refused.Address.AbsolutePath.ShouldBe("/Account/Login");
        refused.Html.ShouldContain($"lägre tillitsnivå ({Low})");
        (await SessionOf(browser)).ShouldBeNull();
        (await Actions(member.Id)).ShouldBe([AuditAction.SignInThroughProviderRefused]);
        (await app.InDatabase(db => db.UserLogins.CountAsync(l => l.UserId == member.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_refusal_at_the_provider_ends_on_the_sign_in_page_with_a_message()
    {
        using var browser = new TestBrowser(Idp);
        // Nobody by that name at the provider: its login answers access_denied back to Samordna.
        var refused = await browser.SignInAtProvider(await browser.PressProviderButton(), "nobody-at-all");

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Address.AbsolutePath.ShouldBe("/Account/Login");
        refused.Html.ShouldContain($"Inloggningen med {RealProvider.DisplayName} avbröts eller nekades.");
        (await SessionOf(browser)).ShouldBeNull();
    }

    [Fact]
    public async Task A_provider_that_refuses_the_request_gives_the_clear_page_not_an_error()
    {
        using var browser = new TestBrowser(Idp);
        // Samordna reached by an address the provider does not know as a redirect URI (as behind a proxy not named in ForwardedHeaders).
        var other = Idp.AppBase.Replace("https://localhost", "https://127.0.0.1");
        var refused = await browser.PressProviderButton(appBase: other);

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Address.AbsolutePath.ShouldBe("/Account/Login");
        refused.Visited.ShouldNotContain(u => u.GetLeftPart(UriPartial.Authority) == Idp.Issuer);
        refused.Html.ShouldContain($"{RealProvider.DisplayName} nekade inloggningsbegäran från Samordna.");
    }

    /// <summary>A member of staff and an account at the provider with the same user name (not yet bound).</summary>
    private async Task<(StaffMember Member, string Login, string Subject)> Person()
    {
        var member = await app.AddStaff(app.Asby.OrganisationId, $"idp.{Guid.NewGuid():N}"[..20], [(app.Asby.ViolenceTeam, StaffRole.Caseworker)]);
        var login = $"login-{Guid.NewGuid():N}";
        var subject = $"sub-{Guid.NewGuid():N}";
        Idp.AddAccount(login, subject, member.UserName, High);
        return (member, login, subject);
    }

    private async Task<Guid?> SessionOf(TestBrowser browser)
    {
        var response = await browser.Send(new HttpRequestMessage(HttpMethod.Get, $"{Idp.AppBase}/api/v1/session"));
        if (response.StatusCode == HttpStatusCode.Unauthorized) return null;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("staffMemberId").GetGuid();
    }

    /// <summary>The ID token kept in the session (for the id_token_hint), read the way the cookie handler reads it.</summary>
    private string? IdTokenIn(TestBrowser browser)
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var request = new DefaultHttpContext();
        request.Request.Headers.Cookie = browser.Cookies.GetCookieHeader(new Uri(Idp.AppBase));
        var cookie = options.CookieManager.GetRequestCookie(request, options.Cookie.Name!);
        return cookie is null ? null : options.TicketDataFormat.Unprotect(cookie)?.Properties.GetTokenValue(OpenIdConnectSignIn.IdTokenName);
    }

    private Task<List<AuditAction>> Actions(Guid memberId) => app.InDatabase(db => db.Set<AuditEntry>().AsNoTracking()
        .Where(e => e.Subjects.Any(s => s.StaffMemberId == memberId)).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
}

/// <summary>Samordna on Kestrel (https://localhost on a free port, with the test CA's certificate) beside a running <see cref="OpenIdProvider"/>.</summary>
public static class RealProvider
{
    public const string DisplayName = "Åsby kommuns inloggning";

    public static OpenIdProvider Listen(WebApplicationFactory<Program> app)
    {
        var port = OpenIdProvider.FreePort();
        var idp = new OpenIdProvider($"https://localhost:{port}", [OpenIdConnectProviderTests.High, OpenIdConnectProviderTests.Low]);
        app.UseKestrel(kestrel => kestrel.ListenLocalhost(port, listen => listen.UseHttps(idp.ServerCertificate)));
        return idp;
    }

    public static void Install(IWebHostBuilder builder, OpenIdProvider idp)
    {
        builder.UseSetting("Samordna:SignIn:LocalAccounts", "false");
        builder.UseSetting("Samordna:SignIn:OpenIdConnect:Authority", idp.Issuer);
        builder.UseSetting("Samordna:SignIn:OpenIdConnect:ClientId", OpenIdProvider.ClientId);
        builder.UseSetting("Samordna:SignIn:OpenIdConnect:ClientSecret", OpenIdProvider.ClientSecret);
        builder.UseSetting("Samordna:SignIn:OpenIdConnect:DisplayName", DisplayName);
        builder.UseSetting("Samordna:SignIn:OpenIdConnect:RequiredAssurance", OpenIdConnectProviderTests.High);
        builder.UseSetting("Samordna:SignIn:OpenIdConnect:CertificateAuthorityFile", idp.CertificateAuthorityFile);
    }
}

public sealed class OpenIdProviderSqliteApp : SqliteApp
{
    public OpenIdProviderSqliteApp() => Idp = RealProvider.Listen(this);

    public OpenIdProvider Idp { get; }

    protected override Task StartDependencies() => Idp.Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        RealProvider.Install(builder, Idp);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Idp.Dispose();
    }
}

public sealed class OpenIdProviderPostgresApp : PostgresApp
{
    public OpenIdProviderPostgresApp() => Idp = RealProvider.Listen(this);

    public OpenIdProvider Idp { get; }

    protected override Task StartDependencies() => Idp.Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        RealProvider.Install(builder, Idp);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Idp.Dispose();
    }
}

public sealed class OpenIdConnectProviderOnSqlite(OpenIdProviderSqliteApp app)
    : OpenIdConnectProviderTests(app, app.Idp), IClassFixture<OpenIdProviderSqliteApp>;

public sealed class OpenIdConnectProviderOnPostgres(OpenIdProviderPostgresApp app)
    : OpenIdConnectProviderTests(app, app.Idp), IClassFixture<OpenIdProviderPostgresApp>;
