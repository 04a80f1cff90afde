using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Staff;
using Samordna.Data;

namespace Samordna.Web.Access;

public enum SignInOutcome { SignedIn, Refused, LockedOut }

/// <summary>Local password sign-in, shared by the sign-in page and the API session endpoint.</summary>
public sealed class StaffSignIn(SignInManager<StaffAccount> signIn, UserManager<StaffAccount> accounts, SamordnaDbContext db)
{
    public async Task<SignInOutcome> SignIn(string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return SignInOutcome.Refused;
        userName = userName.Trim();
        // A deactivated member of staff cannot sign in, even with the right password.
        if (!await db.Set<StaffMember>().AnyAsync(s => s.UserName == userName && s.Active)) return SignInOutcome.Refused;
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcome.SignedIn
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : SignInOutcome.Refused;
    }

    /// <summary>Ends the session for good: the renewed security stamp makes the old cookie (and any copy of it) invalid.</summary>
    public async Task SignOut(System.Security.Claims.ClaimsPrincipal user)
    {
        if (await accounts.GetUserAsync(user) is { } account) await accounts.UpdateSecurityStampAsync(account);
        await signIn.SignOutAsync();
    }

    public static string Message(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.LockedOut => "Kontot är tillfälligt låst efter för många misslyckade försök. Försök igen om en stund.",
        _ => "Fel användarnamn eller lösenord.",
    };
}
