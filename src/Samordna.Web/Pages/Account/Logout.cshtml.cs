using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.Account;

/// <summary>
/// Signs out on POST. The antiforgery token is checked here rather than by the framework: when the
/// session has already expired the token no longer matches the (now anonymous) user, and that should
/// end on the sign-in page, not in a 400. A session that came through the identity provider is ended
/// there too (RP-initiated logout with the ID token as hint), so on a shared workstation the next person
/// is asked to sign in again instead of being let in as the last one; the provider sends the browser
/// back to this page.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class LogoutModel(StaffSignIn signIn, IAntiforgery antiforgery, SignInSettings settings) : PageModel
{
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            if (SignedIn) return BadRequest();
            return RedirectToPage("/Account/Login");
        }
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var idToken = session.Properties?.GetTokenValue(OpenIdConnectSignIn.IdTokenName);
        var atProvider = false;
        if (settings.OpenIdConnect is not null && idToken is not null)
        {
            try
            {
                // Before the local sign-out: the handler reads the ID token from the session as it still is.
                await HttpContext.SignOutAsync(OpenIdConnectSignIn.Scheme, new AuthenticationProperties { RedirectUri = "/Account/Logout" });
                atProvider = true;
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or TaskCanceledException)
            {
                OpenIdConnectSignIn.Logger(HttpContext).LogError(e, "The identity provider could not be reached to end its session: {Reason}", e.Message);
                Response.Headers.Location = Microsoft.Extensions.Primitives.StringValues.Empty;
            }
        }
        await signIn.SignOut(User);
        if (atProvider)
        {
            // Signed out at the provider as well: the next sign-in need not insist on prompt=login.
            Response.Cookies.Delete(OpenIdConnectSignIn.ProviderSessionCookie);
            return new EmptyResult();
        }
        TempData["Status"] = idToken is null ? "Du är utloggad." :
            $"Du är utloggad från Samordna, men {settings.ProviderName} kunde inte nås för att logga ut där. Stäng webbläsaren om datorn delas med andra.";
        return RedirectToPage("/Account/Login");
    }
}
