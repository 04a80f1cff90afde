using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Samordna.Web.Access;

/// <summary>
/// The OpenID Connect handler for the municipality's identity provider: authorization code flow with PKCE
/// (and PAR when the provider offers it), profile claims from userinfo as OIDC Core §5.4 has them, an
/// assurance level and a fresh sign-in when the settings ask for them. It only proves who the person is:
/// the handler signs in to Identity's short-lived external cookie, and the ExternalLogin page then finds
/// the member of staff bound to the provider's issuer and subject (<see cref="StaffSignIn.SignInExternal"/>)
/// and signs in with the same application cookie as a local sign-in, keeping the ID token in it only as
/// the <c>id_token_hint</c> for signing out at the provider (RP-initiated logout).
/// </summary>
public static class OpenIdConnectSignIn
{
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";
    public const string IdTokenName = OpenIdConnectParameterNames.IdToken;
    public const string AssuranceClaim = "acr";

    /// <summary>
    /// Set for the browser session when someone signs in through the provider, removed when they sign out there:
    /// while it is present without a Samordna session, the next sign-in asks the provider for prompt=login.
    /// </summary>
    public const string ProviderSessionCookie = "samordna.provider";

    /// <summary>Where a sign-in that fails at the provider ends: the page says in Swedish why (<see cref="Failure"/>).</summary>
    public const string FailurePath = "/Account/ExternalLogin?handler=Callback";

    public static AuthenticationBuilder AddMunicipalOpenIdConnect(this AuthenticationBuilder authentication, OpenIdConnectSettings settings) =>
        authentication.AddOpenIdConnect(Scheme, settings.DisplayName, options => Configure(options, settings));

    private static void Configure(OpenIdConnectOptions options, OpenIdConnectSettings settings)
    {
        options.Authority = settings.Authority;
        // SignInSettings refuses plain http outside the Development environment.
        options.RequireHttpsMetadata = settings.Authority.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
        if (settings.CertificateAuthorityFile is { } caFile) options.BackchannelHttpHandler = TrustingOnly(caFile);
        options.ClientId = settings.ClientId;
        options.ClientSecret = settings.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.Scope.Clear();
        options.Scope.Add(OpenIdConnectScope.OpenId);
        options.Scope.Add("profile");
        foreach (var scope in settings.Scopes) options.Scope.Add(scope);
        options.Prompt = settings.Prompt;
        options.MaxAge = settings.MaxAge;

        // Claims keep the names the provider gives them. A provider may keep profile claims out of the ID
        // token and serve them from userinfo only (OIDC Core §5.4, 5.5), so userinfo is always asked, and the
        // user-name claim is taken from there too. acr is kept (the handler drops it by default) for RequiredAssurance.
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = true;
        options.ClaimActions.MapUniqueJsonKey(settings.UserNameClaim, settings.UserNameClaim);
        options.ClaimActions.Remove(AssuranceClaim);
        options.TokenValidationParameters.NameClaimType = settings.UserNameClaim;
        options.SignInScheme = IdentityConstants.ExternalScheme;
        options.CallbackPath = CallbackPath;
        // The ID token goes with the external cookie to ExternalLogin, which keeps it (alone) for signing out.
        options.SaveTokens = true;
        options.SignOutScheme = IdentityConstants.ApplicationScheme;
        options.SignedOutCallbackPath = SignedOutCallbackPath;
        options.SignedOutRedirectUri = "/Account/Logout";

        options.Events.OnRedirectToIdentityProvider = context =>
        {
            if (settings.RequiredAssurance.Count > 0) context.ProtocolMessage.AcrValues = string.Join(' ', settings.RequiredAssurance);
            // The last session through the provider in this browser ended without signing out (the idle timeout,
            // a closed tab): the provider's session may still be the last person's, so it must ask who this is.
            if (context.Request.Cookies.ContainsKey(ProviderSessionCookie) && context.HttpContext.User.Identity?.IsAuthenticated != true
                && context.ProtocolMessage.Prompt is null)
                context.ProtocolMessage.Prompt = OpenIdConnectPrompt.Login;
            return Task.CompletedTask;
        };
        options.Events.OnTokenValidated = context =>
        {
            // max_age asks the provider for a sign-in no older than that; its auth_time says whether it complied (OIDC Core §3.1.2.1).
            if (settings.MaxAge is { } maxAge)
            {
                var authTime = context.SecurityToken.Payload.TryGetValue("auth_time", out var value) && long.TryParse(value?.ToString(), out var seconds)
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (authTime is null || now - authTime > maxAge + options.TokenValidationParameters.ClockSkew)
                    context.Fail($"The ID token's auth_time ({authTime?.ToString("O") ?? "missing"}) is older than max_age ({maxAge}).");
            }
            return Task.CompletedTask;
        };
        options.Events.OnRemoteFailure = context =>
        {
            var failure = context.Request.Query.ContainsKey("error") || context.Request.HasFormContentType && context.Request.Form.ContainsKey("error")
                ? Failure.Refused
                : context.Failure is HttpRequestException or TaskCanceledException or InvalidOperationException { InnerException: HttpRequestException or IOException }
                    ? Failure.Unavailable
                    : Failure.Invalid;
            Logger(context.HttpContext).LogWarning(context.Failure,
                "Sign-in through the identity provider failed ({Failure}): {Reason}", failure, context.Failure?.Message);
            context.Response.Redirect($"{FailurePath}&failure={failure}");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    /// <summary>Why a sign-in through the provider came to nothing, as far as the handler can tell.</summary>
    public enum Failure
    {
        /// <summary>The provider answered with an error: the person cancelled, or the provider refused the request.</summary>
        Refused,

        /// <summary>The provider could not be reached (discovery, keys, tokens or userinfo).</summary>
        Unavailable,

        /// <summary>An answer that does not hold: a replayed or tampered callback, an unknown state, a bad token.</summary>
        Invalid,
    }

    public static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenIdConnectSignIn));

    /// <summary>
    /// The back channel to a provider under the municipality's own CA: the certificate must chain to that CA
    /// (and only to it) and name the host, as any TLS check would; nothing is switched off.
    /// </summary>
    private static HttpMessageHandler TrustingOnly(string caFile)
    {
        var authority = X509Certificate2.CreateFromPem(File.ReadAllText(caFile));
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(authority);
                    // A certificate its CA says is revoked is refused; an internal CA that publishes no revocation list is not held against it.
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
                    chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreEndRevocationUnknown |
                                                          X509VerificationFlags.IgnoreCertificateAuthorityRevocationUnknown;
                    return chain.Build(new X509Certificate2(certificate));
                },
            },
        };
    }
}
