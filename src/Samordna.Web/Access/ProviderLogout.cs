using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Samordna.Web.Problems;

namespace Samordna.Web.Access;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0: when the person signs out at the municipality's identity provider
/// (or it ends their session), the provider posts a logout token here, server to server, and every Samordna
/// session of the member of staff bound to that provider account ends (<see cref="ProviderSignIn.EndSessionsOf"/>).
/// Register <c>https://&lt;samordna&gt;/signout-backchannel-oidc</c> as the client's <c>backchannel_logout_uri</c>.
/// The token must be signed with one of the provider's keys (its JWKS), be issued by it for Samordna's client id,
/// recently, carry the back-channel logout event and a <c>sub</c>, and no <c>nonce</c> (so an ID token cannot pass for one).
/// </summary>
public static class ProviderLogout
{
    public const string BackChannelPath = "/signout-backchannel-oidc";
    private const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    /// <summary>How old a logout token may be (its <c>iat</c>), so a captured one cannot end later sessions.</summary>
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static void MapProviderBackChannelLogout(this IEndpointRouteBuilder app) =>
        app.MapPost(BackChannelPath, async (HttpContext http, SignInSettings settings, IOptionsMonitor<OpenIdConnectOptions> monitor,
                ProviderSignIn signIn, TimeProvider clock, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                if (settings.OpenIdConnect is null) return Results.NotFound();
                if (!http.Request.HasFormContentType || (await http.Request.ReadFormAsync(ct))["logout_token"].ToString() is not { Length: > 0 } token)
                    return await Refuse(http, "Ange logout_token (application/x-www-form-urlencoded).");

                var options = monitor.Get(OpenIdConnectSignIn.Scheme);
                var configuration = await options.ConfigurationManager!.GetConfigurationAsync(ct);
                var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
                {
                    ValidIssuer = configuration.Issuer,
                    ValidAudience = options.ClientId,
                    IssuerSigningKeys = configuration.SigningKeys,
                    RequireSignedTokens = true,
                    RequireExpirationTime = false,
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromMinutes(1),
                });
                if (!result.IsValid || result.SecurityToken is not JsonWebToken logout)
                    return await Refuse(http, $"Utloggningstoken godtas inte: {result.Exception?.GetType().Name}.");
                if (logout.Typ is { Length: > 0 } typ && typ is not ("logout+jwt" or "JWT"))
                    return await Refuse(http, $"Utloggningstoken har fel typ ({typ}).");
                var now = clock.GetUtcNow().UtcDateTime;
                if (logout.IssuedAt == DateTime.MinValue || logout.IssuedAt < now - MaxAge || logout.IssuedAt > now + TimeSpan.FromMinutes(1))
                    return await Refuse(http, "Utloggningstoken saknar iat eller är för gammal.");
                if (!logout.TryGetPayloadValue<JsonElement>("events", out var events) || events.ValueKind != JsonValueKind.Object ||
                    !events.TryGetProperty(LogoutEvent, out var logoutEvent) || logoutEvent.ValueKind != JsonValueKind.Object)
                    return await Refuse(http, "Utloggningstoken saknar händelsen backchannel-logout.");
                if (logout.TryGetPayloadValue<object>("nonce", out _))
                    return await Refuse(http, "Utloggningstoken får inte ha nonce.");
                if (logout.Subject is not { Length: > 0 } subject)
                    return await Refuse(http, "Utloggningstoken saknar sub; Samordna avslutar sessioner per person (backchannel_logout_session_required = false).");

                var ended = await signIn.EndSessionsOf(new ProviderAccount(logout.Issuer, subject), ct);
                if (!ended) OpenIdConnectSignIn.Logger(http).LogInformation("Back-channel logout for {Subject} of {Issuer}: nobody bound to it", subject, logout.Issuer);
                return Results.Ok();
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();

    private static async Task<IResult> Refuse(HttpContext http, string detail)
    {
        OpenIdConnectSignIn.Logger(http).LogWarning("Back-channel logout refused: {Reason}", detail);
        await ProblemResponses.Write(http, new Problem(StatusCodes.Status400BadRequest, "Utloggningen godtas inte", detail));
        return Results.Empty;
    }
}
