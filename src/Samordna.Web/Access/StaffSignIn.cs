using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Staff;
using Samordna.Data;

namespace Samordna.Web.Access;

public enum SignInOutcome { SignedIn, Refused, LockedOut, LocalAccountsDisabled }

/// <summary>
/// Staff sign-in, shared by the sign-in pages and the API session endpoint: a local password (the identity
/// provider's way in is <see cref="ProviderSignIn"/>). Both end in the same application cookie, so
/// <see cref="CurrentActor"/> does not know or care which way someone came in.
/// </summary>
public sealed class StaffSignIn(SignInManager<StaffAccount> signIn, UserManager<StaffAccount> accounts, SamordnaDbContext db,
    SignInSettings settings)
{
    public async Task<SignInOutcome> SignIn(string? userName, string? password)
    {
        // With local accounts turned off no password is looked at: a wrong one does not even count towards lockout.
        if (!settings.LocalAccounts) return SignInOutcome.LocalAccountsDisabled;
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
    public async Task SignOut(ClaimsPrincipal user)
    {
        if (await accounts.GetUserAsync(user) is { } account) await accounts.UpdateSecurityStampAsync(account);
        await signIn.SignOutAsync();
    }

    public string Message(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.LockedOut => "Kontot är tillfälligt låst efter för många misslyckade försök. Försök igen om en stund.",
        SignInOutcome.LocalAccountsDisabled => $"Lokala konton är avstängda; logga in med {settings.ProviderName}.",
        _ => "Fel användarnamn eller lösenord.",
    };
}
