using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Staff;
using Samordna.Data;

namespace Samordna.Web.Access;

public enum SignInOutcome { SignedIn, Refused, LockedOut, LocalAccountsDisabled }

/// <summary>What came of a sign-in through the identity provider: signed in, or the Swedish reason why not.</summary>
public sealed record ExternalSignInResult(bool SignedIn, string? Message);

/// <summary>
/// Staff sign-in, shared by the sign-in pages and the API session endpoint: a local password, or the
/// identity provider's word for who the person is. Both end in the same application cookie, so
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

    /// <summary>The user name the identity provider gives in the configured claim; null when OpenID Connect is off or the claim is missing.</summary>
    public string? ExternalUserName(ClaimsPrincipal external) =>
        settings.OpenIdConnect is { } oidc && external.FindFirst(oidc.UserNameClaim)?.Value.Trim() is { Length: > 0 } name ? name : null;

    /// <summary>
    /// The sign-in account of the active member of staff whose user name the identity provider vouches
    /// for, or null: no such name, no account, or a deactivated member. The name is matched the way
    /// Identity matches it (case-insensitively), since providers often send "Anna.Andersson@…".
    /// </summary>
    public async Task<StaffAccount?> FindExternal(ClaimsPrincipal external)
    {
        if (ExternalUserName(external) is not { } userName) return null;
        var account = await accounts.FindByNameAsync(userName);
        if (account is null) return null;
        return await db.Set<StaffMember>().AnyAsync(s => s.Id == account.Id && s.Active) ? account : null;
    }

    /// <summary>
    /// Signs in with the application cookie, as a local sign-in does, when <paramref name="external"/> (the
    /// principal of Identity's external cookie, null when that sign-in failed or was cancelled) belongs to
    /// an active member of staff. Nothing is signed in otherwise.
    /// </summary>
    public async Task<ExternalSignInResult> SignInExternal(ClaimsPrincipal? external)
    {
        var provider = settings.ProviderName;
        if (settings.OpenIdConnect is not { } oidc || external?.Identity?.IsAuthenticated != true)
            return new(false, $"Inloggningen med {provider} avbröts eller misslyckades. Försök igen.");
        if (ExternalUserName(external) is not { } userName)
            return new(false, $"Inloggningen med {provider} gav inget användarnamn (uppgiften {oidc.UserNameClaim} saknas). Kontakta systemförvaltaren.");
        if (await FindExternal(external) is not { } account)
            return new(false, $"Ingen aktiv medarbetare i Samordna har användarnamnet {userName}. Kontakta systemförvaltaren.");
        await signIn.SignInAsync(account, isPersistent: false, authenticationMethod: OpenIdConnectSignIn.Scheme);
        return new(true, null);
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
