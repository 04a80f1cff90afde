using System.Net;
using Samordna.Web.Tests.Access;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Security;

/// <summary>
/// With OpenID Connect configured the browser rules must leave the provider's own steps working: the sign-in form
/// is redirected to the provider (form-action names its origin), and the provider posts its answer back from its
/// own site (form_post), which the cross-site rule leaves to the handler's state, nonce and correlation checks.
/// </summary>
public abstract class IdentityProviderSecurityTests(SamordnaApp app)
{
    [Fact]
    public async Task The_policy_lets_the_sign_in_form_go_to_the_identity_provider_and_nowhere_else()
    {
        var response = await app.Anonymous().GetAsync("/Account/Login");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain($"form-action 'self' {FakeIdentityProvider.Issuer};");
    }

    [Fact]
    public async Task The_providers_cross_site_callback_reaches_the_handler_which_refuses_a_forged_one_itself()
    {
        using var callback = new HttpRequestMessage(HttpMethod.Post, "/signin-oidc")
        {
            Headers = { { "Origin", FakeIdentityProvider.Issuer }, { "Sec-Fetch-Site", "cross-site" } },
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "forged", ["state"] = "forged" }),
        };
        var response = await app.Anonymous().SendAsync(callback);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        body.ShouldNotContain("Begäran kom från en annan webbplats");
        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        cookies.ShouldNotContain(c => c.StartsWith("samordna=", StringComparison.Ordinal), "no session comes of a forged callback");

        // Anything else the provider's site posts is refused like any other site's.
        using var elsewhere = new HttpRequestMessage(HttpMethod.Post, "/api/v1/session") { Headers = { { "Origin", FakeIdentityProvider.Issuer } } };
        await (await app.Anonymous().SendAsync(elsewhere)).ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}

public sealed class IdentityProviderSecurityOnSqlite(OpenIdConnectSqliteApp app) : IdentityProviderSecurityTests(app), IClassFixture<OpenIdConnectSqliteApp>;

public sealed class IdentityProviderSecurityOnPostgres(OpenIdConnectPostgresApp app) : IdentityProviderSecurityTests(app), IClassFixture<OpenIdConnectPostgresApp>;
