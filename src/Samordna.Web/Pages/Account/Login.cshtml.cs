using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordna.Web.Access;

namespace Samordna.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(StaffSignIn signIn) : PageModel
{
    public const string Form = nameof(Input);

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    /// <summary>Where to go after signing in; only a local address is followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.UseSwedishBindingMessages();
        var outcome = await signIn.SignIn(Input.UserName, Input.Password);
        if (outcome == SignInOutcome.SignedIn) return LocalRedirect(Destination);
        ModelState.AddFormError(Form, StaffSignIn.Message(outcome));
        return Page();
    }

    private string Destination => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public sealed class LoginInput
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }
}
