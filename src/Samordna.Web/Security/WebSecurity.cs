using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Samordna.Web.Access;

namespace Samordna.Web.Security;

/// <summary>The web host's security basics, wired in Program.cs: cookies, headers, cross-site refusal, sign-in limits.</summary>
public static class WebSecurity
{
    public static WebApplicationBuilder AddWebSecurity(this WebApplicationBuilder builder, Settings.HostSettings settings)
    {
        var transport = settings.Transport;
        builder.Services.AddSingleton(transport);
        // Every cookie Samordna sets: the session, Identity's external and two-factor cookies, antiforgery and TempData.
        builder.Services.PostConfigureAll<CookieAuthenticationOptions>(options => options.Cookie.SecurePolicy = transport.CookiePolicy);
        builder.Services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = transport.CookiePolicy);
        builder.Services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = transport.CookiePolicy);
        builder.Services.AddSignInRateLimits(settings.RateLimits);
        return builder;
    }

    /// <summary>Early in the pipeline, after forwarded headers, so even an error page or a 404 gets the headers.</summary>
    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        var identityProvider = app.Services.GetRequiredService<SignInSettings>().OpenIdConnect is { } oidc
            && Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
            ? [authority.GetLeftPart(UriPartial.Authority)]
            : Array.Empty<string>();
        // A form that signs in with the identity provider is redirected there: form-action covers that redirect.
        app.UseMiddleware<SecurityHeaders>(SecurityHeaders.ContentSecurityPolicy(identityProvider), !app.Environment.IsDevelopment());
        PathString[] callbacks = [];
        if (identityProvider.Length > 0)
        {
            var options = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectSignIn.Scheme);
            callbacks = [options.CallbackPath, options.SignedOutCallbackPath];
        }
        app.UseMiddleware<CrossSiteRequests>((IReadOnlyList<PathString>)callbacks);
        app.Use(app.Services.GetRequiredService<TransportSecurity>().RefusePlainHttp);
        return app;
    }
}
