using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.Account;

/// <summary>
/// Sign-in through the municipality's identity provider. POST (the button on the sign-in page) sends the
/// browser to the provider; the provider's answer comes back through the handler at /signin-oidc into
/// Identity's external cookie and then to <see cref="OnGetCallbackAsync"/>, which signs in the member of
/// staff bound to that provider account (<see cref="ProviderSignIn"/>), or sends back to the sign-in page
/// with the reason why not. A provider that cannot be reached or refuses ends there too, never in a 500.
/// </summary>
[AllowAnonymous]
public sealed class ExternalLoginModel(ProviderSignIn signIn, SignInSettings settings) : PageModel
{
    /// <summary>Where to go after signing in; only a local address is followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the handler gave up (<see cref="OpenIdConnectSignIn.FailurePath"/>), when it did.</summary>
    [BindProperty(SupportsGet = true)]
    public OpenIdConnectSignIn.Failure? Failure { get; set; }

    public string Destination => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public IActionResult OnGet() => RedirectToPage("/Account/Login", new { ReturnUrl = ReturnUrlOrNull });

    public async Task<IActionResult> OnPostAsync()
    {
        if (settings.OpenIdConnect is null) return NotFound();
        var callback = Url.Page("/Account/ExternalLogin", "Callback", new { ReturnUrl = ReturnUrlOrNull });
        try
        {
            // Challenged here rather than by a ChallengeResult so that a provider that cannot be reached (its
            // discovery document, or the pushed authorization request) ends on the sign-in page.
            await HttpContext.ChallengeAsync(OpenIdConnectSignIn.Scheme, new AuthenticationProperties { RedirectUri = callback });
            return new EmptyResult();
        }
        catch (Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectProtocolException e)
        {
            // The provider answered the pushed authorization request with an error: it refuses Samordna's request as registered.
            OpenIdConnectSignIn.Logger(HttpContext).LogError(e, "The identity provider refused the sign-in request: {Reason}", e.Message);
            Response.Headers.Location = Microsoft.Extensions.Primitives.StringValues.Empty;
            return Back($"{Capitalised(settings.ProviderName)} nekade inloggningsbegäran från Samordna. Det beror oftast på inställningarna " +
                        "hos leverantören eller Samordnas adress bakom en proxy; kontakta systemförvaltaren.");
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or TaskCanceledException)
        {
            OpenIdConnectSignIn.Logger(HttpContext).LogError(e, "The identity provider could not be reached for a sign-in: {Reason}", e.Message);
            Response.Headers.Location = Microsoft.Extensions.Primitives.StringValues.Empty;
            return Back(Unavailable);
        }
    }

    /// <summary>
    /// Ends with a page that moves on by itself rather than a redirect: this request belongs to a navigation
    /// the provider started, and browsers leave the SameSite=Strict session cookie off every request in
    /// it, so a redirect would land on a page that sees nobody signed in.
    /// </summary>
    public async Task<IActionResult> OnGetCallbackAsync(CancellationToken ct)
    {
        if (settings.OpenIdConnect is null) return NotFound();
        if (Failure is { } failure)
            return Back(failure switch
            {
                OpenIdConnectSignIn.Failure.Unavailable => Unavailable,
                OpenIdConnectSignIn.Failure.Refused => $"Inloggningen med {settings.ProviderName} avbröts eller nekades. Försök igen.",
                _ => $"Inloggningen med {settings.ProviderName} misslyckades: svaret kunde inte godtas (till exempel en inloggning som redan använts). Försök igen.",
            });
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var result = await signIn.SignInExternal(external.Succeeded ? external.Principal : null,
            external.Properties?.GetTokenValue(OpenIdConnectSignIn.IdTokenName), ct);
        return result.SignedIn ? Page() : Back(result.Message!);
    }

    private string Unavailable =>
        $"{Capitalised(settings.ProviderName)} svarar inte just nu, så du kan inte logga in den vägen. Försök igen om en stund; " +
        "hjälper inte det, kontakta kommunens IT-support.";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private RedirectToPageResult Back(string message)
    {
        TempData[LoginModel.ExternalError] = message;
        return RedirectToPage("/Account/Login", new { ReturnUrl = ReturnUrlOrNull });
    }

    private string? ReturnUrlOrNull => Destination == "/" ? null : Destination;
}
