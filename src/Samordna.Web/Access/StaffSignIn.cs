using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samordna.Core;
using Samordna.Core.Audit;
using Samordna.Core.Staff;
using Samordna.Web.Security;
using Samordna.Data;

namespace Samordna.Web.Access;

public enum SignInOutcome { SignedIn, Refused, LockedOut, LocalAccountsDisabled, TooManyAttempts }

/// <summary>What came of a password sign-in; <see cref="RetryAfter"/> with <see cref="SignInOutcome.TooManyAttempts"/>.</summary>
public sealed record PasswordSignIn(SignInOutcome Outcome, TimeSpan? RetryAfter = null)
{
    public bool SignedIn => Outcome == SignInOutcome.SignedIn;
}

/// <summary>
/// Staff sign-in, shared by the sign-in pages and the API session endpoint: a local password (the identity
/// provider's way in is <see cref="ProviderSignIn"/>). Both end in the same application cookie, so
/// <see cref="CurrentActor"/> does not know or care which way someone came in.
/// </summary>
public sealed class StaffSignIn(SignInManager<StaffAccount> signIn, UserManager<StaffAccount> accounts, SamordnaDbContext db,
    SignInSettings settings, AccountAttemptLimiter attempts, IPasswordHasher<StaffAccount> hasher, AuditTrail audit,
    TimeProvider clock, IHttpContextAccessor http, ILogger<StaffSignIn> log)
{
    /// <summary>
    /// A password sign-in. An unknown name, a deactivated member, a locked account and a wrong password give the
    /// same answer after the same work — the two look-ups and one password-hash check (against a stand-in hash
    /// when there is no account to check) — so neither the message nor the time tells whether an account exists
    /// or is locked. Wrong passwords lock the account with a growing, capped lockout (<see cref="AccountLockout"/>),
    /// each lockout logged; the per-account limit comes first.
    /// </summary>
    public async Task<PasswordSignIn> SignIn(string? userName, string? password)
    {
        // With local accounts turned off no password is looked at: a wrong one does not even count towards lockout.
        if (!settings.LocalAccounts) return new(SignInOutcome.LocalAccountsDisabled);
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return new(SignInOutcome.Refused);
        userName = userName.Trim();
        if (attempts.Refuse(userName) is { } wait) return new(SignInOutcome.TooManyAttempts, wait);

        var account = await accounts.FindByNameAsync(userName);
        // A deactivated member of staff cannot sign in, even with the right password.
        var member = await db.Set<StaffMember>().AsNoTracking().Where(s => s.UserName == userName && s.Active)
            .Select(s => new { s.Id, s.OrganisationId }).SingleOrDefaultAsync();
        var now = clock.GetUtcNow();
        if (account is null || member is null || member.Id != account.Id || account.LockoutEnabled && account.LockoutEnd > now)
        {
            hasher.VerifyHashedPassword(StandIn, StandInHash, password);
            var locked = account is not null && account.LockoutEnd > now;
            log.LogInformation("Password sign-in refused for {UserName}: {Reason}", userName,
                account is null ? "no such account" : member is null ? "not an active member of staff" : locked ? "locked out" : "account mismatch");
            return new(locked ? SignInOutcome.LockedOut : SignInOutcome.Refused);
        }

        if (await accounts.CheckPasswordAsync(account, password))
        {
            if (account.AccessFailedCount != 0) await accounts.ResetAccessFailedCountAsync(account);
            await signIn.SignInAsync(account, isPersistent: false, authenticationMethod: "pwd");
            log.LogInformation("Password sign-in of {UserName}", userName);
            return new(SignInOutcome.SignedIn);
        }

        // Consecutive failures are kept until a correct password or an unlock: each lockout in a row lasts longer.
        account.AccessFailedCount++;
        var lockout = AccountLockout.After(account.AccessFailedCount);
        if (lockout is { } duration && account.LockoutEnabled)
        {
            account.LockoutEnd = now + duration;
            audit.AccountEvent(member.OrganisationId, member.Id, AuditAction.LockOutAccount, http.HttpContext?.Connection.RemoteIpAddress?.ToString());
            log.LogWarning("Account {UserName} locked for {Minutes} minutes after {Failures} wrong passwords in a row", userName,
                duration.TotalMinutes, account.AccessFailedCount);
        }
        // Saves the count, the lockout and its audit entry together; a concurrent failure that lost the race is still refused.
        await accounts.UpdateAsync(account);
        return new(SignInOutcome.Refused);
    }

    /// <summary>
    /// Lifts a lockout at once (a systemförvaltare's unlock): the account's failures are forgotten. Saves the unit of
    /// work, so the audit entry the caller added goes with it; a member without a sign-in account has nothing to lift.
    /// </summary>
    public async Task Unlock(Guid staffMemberId)
    {
        if (await accounts.FindByIdAsync(staffMemberId.ToString()) is not { } account) return;
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        var result = await accounts.UpdateAsync(account);
        if (!result.Succeeded) throw new DomainRuleException("Kontot ändrades samtidigt av någon annan. Försök igen.");
        log.LogInformation("Account {UserName} unlocked by an administrator", account.UserName);
    }

    private static readonly StaffAccount StandIn = new() { UserName = "stand-in" };

    /// <summary>A hash made with the same hasher and settings as real ones, so checking a password against it costs the same.</summary>
    private string StandInHash => _standInHash ??= hasher.HashPassword(StandIn, Guid.NewGuid().ToString("N"));
    private static string? _standInHash;

    /// <summary>Ends the session for good: the renewed security stamp makes the old cookie (and any copy of it) invalid.</summary>
    public async Task SignOut(ClaimsPrincipal user)
    {
        if (await accounts.GetUserAsync(user) is { } account) await accounts.UpdateSecurityStampAsync(account);
        await signIn.SignOutAsync();
    }

    /// <summary>
    /// One message for a wrong name, a wrong password and a locked account alike: which of them it was would tell
    /// a stranger that the account exists.
    /// </summary>
    public string Message(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.LocalAccountsDisabled => $"Lokala konton är avstängda; logga in med {settings.ProviderName}.",
        SignInOutcome.TooManyAttempts => "För många inloggningsförsök. Vänta en stund och försök igen.",
        _ => "Fel användarnamn eller lösenord, eller kontot tillfälligt spärrat efter för många felaktiga försök. " +
             "Försök igen om en stund, eller be systemförvaltaren häva spärren.",
    };
}
