using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Samordna.Web.Access;

/// <summary>
/// The OpenID Connect handler for the municipality's identity provider: authorization code flow with PKCE.
/// It only proves who the person is: the handler signs in to Identity's short-lived external cookie, and
/// the ExternalLogin page then looks up the member of staff and signs in with the same application
/// cookie as a local sign-in. No tokens are kept.
/// </summary>
public static class OpenIdConnectSignIn
{
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string CallbackPath = "/signin-oidc";

    /// <summary>Where a sign-in that fails at the provider (cancelled, refused, a bad answer) ends: the page says so in Swedish.</summary>
    public const string FailurePath = "/Account/ExternalLogin?handler=Callback";

    public static AuthenticationBuilder AddMunicipalOpenIdConnect(this AuthenticationBuilder authentication, OpenIdConnectSettings settings) =>
        authentication.AddOpenIdConnect(Scheme, settings.DisplayName, options => Configure(options, settings));

    private static void Configure(OpenIdConnectOptions options, OpenIdConnectSettings settings)
    {
        options.Authority = settings.Authority;
        // SignInSettings refuses plain http outside the Development environment.
        options.RequireHttpsMetadata = settings.Authority.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.Scope.Clear();
        options.Scope.Add(OpenIdConnectScope.OpenId);
        options.Scope.Add("profile");
        foreach (var scope in settings.Scopes) options.Scope.Add(scope);
        // Claims keep the names the provider gives them, so UserNameClaim is the name in the ID token.
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = settings.UserNameClaim;
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.CallbackPath = CallbackPath;
        options.SaveTokens = false;
        options.Events.OnRemoteFailure = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenIdConnectSignIn))
                .LogWarning(context.Failure, "Sign-in through the identity provider failed: {Reason}", context.Failure?.Message);
            context.Response.Redirect(FailurePath);
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
