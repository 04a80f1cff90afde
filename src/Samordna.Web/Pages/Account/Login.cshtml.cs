using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.Account;

/// <summary>
/// The sign-in page: a button for the municipality's identity provider when OpenID Connect is configured,
/// the password form when local accounts are on (the default), or both.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Samordna.Web.Security.SignInRateLimits.Policy)]
public sealed class LoginModel(StaffSignIn signIn, SignInSettings settings) : PageModel
{
    public const string Form = nameof(Input);

    /// <summary>TempData key under which ExternalLogin leaves why a sign-in through the provider came to nothing.</summary>
    public const string ExternalError = "SignInError";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    /// <summary>Where to go after signing in; only a local address is followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public SignInSettings Settings => settings;

    public void OnGet()
    {
        if (TempData[ExternalError] is string message) ModelState.AddFormError(Form, message);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.UseSwedishBindingMessages();
        var attempt = await signIn.SignIn(Input.UserName, Input.Password);
        if (attempt.SignedIn) return LocalRedirect(Destination);
        if (attempt.Outcome == SignInOutcome.TooManyAttempts)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(attempt.RetryAfter!.Value.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        ModelState.AddFormError(Form, signIn.Message(attempt.Outcome));
        return Page();
    }

    private string Destination => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public sealed class LoginInput
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }
}
