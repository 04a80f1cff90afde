using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samordna.Core;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Staff;
using Samordna.Data;

namespace Samordna.Web.Access;

/// <summary>An account at the identity provider: who issued it and its subject (sub), unique and never reassigned (OIDC Core §5.7).</summary>
public sealed record ProviderAccount(string Issuer, string Subject);

/// <summary>What came of a sign-in through the identity provider: signed in, or the Swedish reason why not.</summary>
public sealed record ExternalSignInResult(bool SignedIn, string? Message);

/// <summary>
/// Sign-in through the municipality's identity provider. A member of staff is bound to an account at the
/// provider by issuer and subject — stored in Identity's user logins (login provider = issuer, key =
/// subject, one account per pair), set by a systemförvaltare or, when <see cref="OpenIdConnectSettings.LinkByUserName"/>
/// allows, linked once on a first sign-in by the user name the provider sends. After that only the binding
/// counts: <c>preferred_username</c> is not unique at a provider, so a second provider account with the same
/// name is refused. Every sign-in, refusal, binding and provider-initiated sign-out of a known member is in
/// the audit log; refusals of nobody known go to the host's log.
/// </summary>
public sealed class ProviderSignIn(SignInManager<StaffAccount> signIn, UserManager<StaffAccount> accounts, SamordnaDbContext db,
    AuditTrail audit, SignInSettings settings, IHttpContextAccessor http, ILogger<ProviderSignIn> log)
{
    private string Provider => settings.ProviderName;

    /// <summary>Issuer and subject of the validated ID token behind <paramref name="external"/>; null without a subject.</summary>
    public static ProviderAccount? AccountOf(ClaimsPrincipal external) =>
        external.FindFirst("sub") is { Value.Length: > 0 } sub ? new ProviderAccount(sub.Issuer, sub.Value) : null;

    /// <summary>The user name the identity provider gives in the configured claim; null when OpenID Connect is off or the claim is missing.</summary>
    public string? ExternalUserName(ClaimsPrincipal external) =>
        settings.OpenIdConnect is { } oidc && external.FindFirst(oidc.UserNameClaim)?.Value.Trim() is { Length: > 0 } name ? name : null;

    /// <summary>
    /// Signs in with the application cookie, as a local sign-in does, when <paramref name="external"/> (the
    /// principal of Identity's external cookie, null when that sign-in failed or was cancelled) is bound to an
    /// active member of staff, or may be linked to one now. <paramref name="idToken"/> is kept in the
    /// session as the hint for signing out at the provider. Nothing is signed in otherwise.
    /// </summary>
    public async Task<ExternalSignInResult> SignInExternal(ClaimsPrincipal? external, string? idToken, CancellationToken ct)
    {
        if (settings.OpenIdConnect is not { } oidc || external?.Identity?.IsAuthenticated != true)
            return new(false, $"Inloggningen med {Provider} avbröts eller misslyckades. Försök igen.");
        if (AccountOf(external) is not { } who)
            return Refused(null, null, "no subject", $"Inloggningen med {Provider} gav ingen identitet (uppgiften sub saknas). Kontakta systemförvaltaren.");

        var account = await accounts.FindByLoginAsync(who.Issuer, who.Subject);
        var linking = account is null;
        if (account is null)
        {
            var userName = ExternalUserName(external);
            if (!oidc.LinkByUserName)
                return Refused(who, null, "not bound",
                    $"Ditt konto hos {Provider} är inte kopplat till någon medarbetare i Samordna. Kontakta systemförvaltaren.");
            if (userName is null)
                return Refused(who, null, "no user name",
                    $"Inloggningen med {Provider} gav inget användarnamn (uppgiften {oidc.UserNameClaim} saknas). Kontakta systemförvaltaren.");
            account = await accounts.FindByNameAsync(userName);
            if (account is null || await Member(account.Id, ct) is not { Active: true } candidate)
                return Refused(who, null, "no active member",
                    $"Ingen aktiv medarbetare i Samordna har användarnamnet {userName}. Kontakta systemförvaltaren.");
            if ((await accounts.GetLoginsAsync(account)).Any(l => l.LoginProvider == who.Issuer))
                return await RefusedAudited(who, candidate, "bound to another provider account",
                    $"Medarbetaren {userName} i Samordna är redan kopplad till ett annat konto hos {Provider}. " +
                    "Logga in med det kontot, eller be systemförvaltaren ändra kopplingen.", ct);
        }

        var member = await Member(account.Id, ct);
        if (member is not { Active: true })
            return member is null
                ? Refused(who, null, "no member", $"Ditt konto hos {Provider} hör inte till någon aktiv medarbetare i Samordna. Kontakta systemförvaltaren.")
                : await RefusedAudited(who, member, "deactivated",
                    $"Ditt konto hos {Provider} hör inte till någon aktiv medarbetare i Samordna. Kontakta systemförvaltaren.", ct);

        if (oidc.RequiredAssurance.Count > 0)
        {
            var acr = external.FindFirst(OpenIdConnectSignIn.AssuranceClaim)?.Value;
            if (acr is null || !oidc.RequiredAssurance.Contains(acr, StringComparer.Ordinal))
                return await RefusedAudited(who, member, $"assurance level {acr ?? "(none)"}",
                    $"Inloggningen med {Provider} gjordes på en lägre tillitsnivå ({acr ?? "okänd"}) än Samordna kräver " +
                    $"({string.Join(" eller ", oidc.RequiredAssurance)}). Logga in igen med till exempel SITHS-kort eller BankID.", ct);
        }

        if (linking)
        {
            var added = await accounts.AddLoginAsync(account, new UserLoginInfo(who.Issuer, who.Subject, Provider));
            // Two first sign-ins at once: the other one bound this provider account already.
            if (!added.Succeeded)
                return await RefusedAudited(who, member, "binding refused: " + string.Join("; ", added.Errors.Select(e => e.Code)),
                    $"Ditt konto hos {Provider} kunde inte kopplas till medarbetaren {member.UserName}. Försök igen.", ct);
            audit.Record(ActorFor(member), AuditAction.LinkProviderAccount, [AuditSubject.Staff(member.Id)]);
            log.LogInformation("Staff member {StaffMemberId} linked by user name to the provider account {Subject} of {Issuer}",
                member.Id, who.Subject, who.Issuer);
        }

        var properties = new AuthenticationProperties();
        if (!string.IsNullOrEmpty(idToken)) properties.StoreTokens([new AuthenticationToken { Name = OpenIdConnectSignIn.IdTokenName, Value = idToken }]);
        await signIn.SignInAsync(account, properties, authenticationMethod: OpenIdConnectSignIn.Scheme);
        if (http.HttpContext is { } context)
            context.Response.Cookies.Append(OpenIdConnectSignIn.ProviderSessionCookie, "1", new CookieOptions
                { HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true });
        audit.Record(ActorFor(member), AuditAction.SignInThroughProvider, [AuditSubject.Staff(member.Id)]);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Staff member {StaffMemberId} signed in through the identity provider as {Subject} of {Issuer}",
            member.Id, who.Subject, who.Issuer);
        return new(true, null);
    }

    /// <summary>
    /// Back-channel logout: the provider says the person's session there has ended, so every Samordna session
    /// of the member bound to <paramref name="who"/> ends too (a renewed security stamp, checked on every
    /// request). False when nobody is bound to it.
    /// </summary>
    public async Task<bool> EndSessionsOf(ProviderAccount who, CancellationToken ct)
    {
        var account = await accounts.FindByLoginAsync(who.Issuer, who.Subject);
        if (account is null || await Member(account.Id, ct) is not { } member) return false;
        await accounts.UpdateSecurityStampAsync(account);
        audit.Record(ActorFor(member), AuditAction.SignedOutByProvider, [AuditSubject.Staff(member.Id)]);
        await db.SaveChangesAsync(ct);
        log.LogInformation("The identity provider ended the sessions of staff member {StaffMemberId} ({Subject} of {Issuer})",
            member.Id, who.Subject, who.Issuer);
        return true;
    }

    /// <summary>The provider accounts a member of staff of the administrator's municipality is bound to.</summary>
    public async Task<IReadOnlyList<ProviderAccount>> Links(Actor actor, Guid staffMemberId, CancellationToken ct)
    {
        var account = await AdministeredAccount(actor, staffMemberId, ct);
        return (await accounts.GetLoginsAsync(account)).Select(l => new ProviderAccount(l.LoginProvider, l.ProviderKey))
            .OrderBy(l => l.Issuer, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Binds the member of staff to <paramref name="link"/>, replacing a binding to another subject of the same
    /// issuer. A provider account already bound to someone else is refused (409); one's own binding cannot be changed (403).
    /// </summary>
    public async Task<IReadOnlyList<ProviderAccount>> Link(Actor actor, Guid staffMemberId, ProviderAccount link, CancellationToken ct)
    {
        var account = await AdministeredAccount(actor, staffMemberId, ct, forChange: true);
        if (await accounts.FindByLoginAsync(link.Issuer, link.Subject) is { } holder)
        {
            if (holder.Id == account.Id) return await Links(actor, staffMemberId, ct);
            throw new DomainRuleException("Kontot hos identitetsleverantören är redan kopplat till en annan medarbetare. Ta bort den kopplingen först.");
        }
        foreach (var old in (await accounts.GetLoginsAsync(account)).Where(l => l.LoginProvider == link.Issuer))
            Succeeded(await accounts.RemoveLoginAsync(account, old.LoginProvider, old.ProviderKey));
        audit.Record(actor, AuditAction.LinkProviderAccount, [AuditSubject.Staff(staffMemberId)], through: AdministratorRole(actor));
        Succeeded(await accounts.AddLoginAsync(account, new UserLoginInfo(link.Issuer, link.Subject, Provider)));
        // A new binding ends the sessions of the old one.
        await accounts.UpdateSecurityStampAsync(account);
        return await Links(actor, staffMemberId, ct);
    }

    /// <summary>Removes the member's binding to <paramref name="issuer"/>; with link by user name off they can then not sign in through it.</summary>
    public async Task<IReadOnlyList<ProviderAccount>> Unlink(Actor actor, Guid staffMemberId, string issuer, CancellationToken ct)
    {
        var account = await AdministeredAccount(actor, staffMemberId, ct, forChange: true);
        var bound = (await accounts.GetLoginsAsync(account)).Where(l => l.LoginProvider == issuer).ToList();
        if (bound.Count == 0) throw new NotFoundException("Kopplingen till identitetsleverantören", staffMemberId);
        audit.Record(actor, AuditAction.LinkProviderAccount, [AuditSubject.Staff(staffMemberId)], through: AdministratorRole(actor));
        foreach (var old in bound) Succeeded(await accounts.RemoveLoginAsync(account, old.LoginProvider, old.ProviderKey));
        await accounts.UpdateSecurityStampAsync(account);
        return await Links(actor, staffMemberId, ct);
    }

    private async Task<StaffAccount> AdministeredAccount(Actor actor, Guid staffMemberId, CancellationToken ct, bool forChange = false)
    {
        if (!await db.Set<StaffMember>().AnyAsync(s => s.Id == staffMemberId && s.OrganisationId == actor.OrganisationId, ct))
            throw new NotFoundException("Medarbetaren", staffMemberId);
        if (forChange && staffMemberId == actor.StaffMemberId)
            throw new ForbiddenException("Du kan inte ändra hur du själv loggar in. En annan systemförvaltare ska göra det.");
        return await accounts.FindByIdAsync(staffMemberId.ToString()) ?? throw new NotFoundException("Medarbetaren", staffMemberId);
    }

    private static UnitRole? AdministratorRole(Actor actor) => actor.Roles.FirstOrDefault(r => r.Role == StaffRole.SystemAdministrator);

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded) throw new DomainRuleException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private Task<StaffMember?> Member(Guid id, CancellationToken ct) =>
        db.Set<StaffMember>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);

    private Actor ActorFor(StaffMember member) =>
        new(member.Id, member.OrganisationId, member.DisplayName, member.Roles.Select(r => new UnitRole(r.UnitId, r.Role)).ToList(),
            member.ProtectedDataClearance, http.HttpContext?.Connection.RemoteIpAddress?.ToString());

    private ExternalSignInResult Refused(ProviderAccount? who, Guid? memberId, string reason, string message)
    {
        log.LogWarning("Sign-in through the identity provider refused ({Reason}) for {Subject} of {Issuer}, staff member {StaffMemberId}",
            reason, who?.Subject, who?.Issuer, memberId);
        return new(false, message);
    }

    private async Task<ExternalSignInResult> RefusedAudited(ProviderAccount who, StaffMember member, string reason, string message, CancellationToken ct)
    {
        audit.Record(ActorFor(member), AuditAction.SignInThroughProviderRefused, [AuditSubject.Staff(member.Id)]);
        await db.SaveChangesAsync(ct);
        return Refused(who, member.Id, reason, message);
    }
}
