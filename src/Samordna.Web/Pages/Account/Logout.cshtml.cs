using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.Account;

/// <summary>
/// Signs out on POST. The antiforgery token is checked here rather than by the framework: when the
/// session has already expired the token no longer matches the (now anonymous) user, and that should
/// end on the sign-in page, not in a 400.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class LogoutModel(StaffSignIn signIn, IAntiforgery antiforgery) : PageModel
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
        await signIn.SignOut(User);
        TempData["Status"] = "Du är utloggad.";
        return RedirectToPage("/Account/Login");
    }
}
