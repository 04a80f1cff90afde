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
/// staff with the application cookie, or sends back to the sign-in page with the reason why not.
/// </summary>
[AllowAnonymous]
public sealed class ExternalLoginModel(StaffSignIn signIn, SignInSettings settings) : PageModel
{
    /// <summary>Where to go after signing in; only a local address is followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string Destination => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public IActionResult OnGet() => RedirectToPage("/Account/Login", new { ReturnUrl = ReturnUrlOrNull });

    public IActionResult OnPost()
    {
        if (settings.OpenIdConnect is null) return NotFound();
        var callback = Url.Page("/Account/ExternalLogin", "Callback", new { ReturnUrl = ReturnUrlOrNull });
        return Challenge(new AuthenticationProperties { RedirectUri = callback }, OpenIdConnectSignIn.Scheme);
    }

    /// <summary>
    /// Ends with a page that moves on by itself rather than a redirect: this request belongs to a navigation
    /// the provider started, and browsers leave the SameSite=Strict session cookie off every request in
    /// it, so a redirect would land on a page that sees nobody signed in.
    /// </summary>
    public async Task<IActionResult> OnGetCallbackAsync()
    {
        if (settings.OpenIdConnect is null) return NotFound();
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var result = await signIn.SignInExternal(external.Succeeded ? external.Principal : null);
        if (result.SignedIn) return Page();
        TempData[LoginModel.ExternalError] = result.Message;
        return RedirectToPage("/Account/Login", new { ReturnUrl = ReturnUrlOrNull });
    }

    private string? ReturnUrlOrNull => Destination == "/" ? null : Destination;
}
