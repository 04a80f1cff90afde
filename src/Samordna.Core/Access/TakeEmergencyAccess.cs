using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samordna.Core.Audit;
using Samordna.Core.Cases;

namespace Samordna.Core.Access;

/// <summary>Nödåtkomst to one case, with the reason the member of staff gives.</summary>
public sealed record TakeEmergencyAccess(string? Reason);

public sealed record EmergencyAccessView(Guid CaseId, string Reason, DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt);

public sealed class TakeEmergencyAccessValidator : AbstractValidator<TakeEmergencyAccess>
{
    public TakeEmergencyAccessValidator()
    {
        // Stop at the first failure: a missing reason is "required", not a null passed to the length check.
        RuleFor(c => c.Reason).Cascade(CascadeMode.Stop).NotEmpty()
            .Must(r => TextRule.Normalize(r)!.Length >= EmergencyAccess.MinimumReasonLength)
            .WithMessage($"Ange varför du behöver nödåtkomst (minst {EmergencyAccess.MinimumReasonLength} tecken). Skälet granskas i efterhand.");
        RuleFor(c => c.Reason).MaximumLength(500).Text(TextKind.FreeText);
    }
}

public sealed class TakeEmergencyAccessHandler(DbContext db, TimeProvider clock, IValidator<TakeEmergencyAccess> validator,
    AccessPolicy policy, AuditTrail audit, IOptions<AccessSettings> settings)
{
    public async Task<EmergencyAccessView> Handle(Actor actor, Guid caseId, TakeEmergencyAccess command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        if (!actor.Has(Capability.CaseContent))
            throw new ForbiddenException("Nödåtkomst är till för personal som arbetar med ärenden.");
        var @case = await db.Set<Case>().AsNoTracking()
            .Where(c => c.Id == caseId && c.OrganisationId == actor.OrganisationId)
            .Select(c => new { c.Id, c.OwningUnitId, c.ResponsibleStaffId }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Ärendet", caseId);
        if (await policy.ForCase(actor, caseId, ct) is { Route: not CaseAccessRoute.EmergencyAccess })
            throw new DomainRuleException("Du har redan behörighet till ärendet; nödåtkomst behövs inte.");

        var grant = new EmergencyAccess(actor.OrganisationId, actor.StaffMemberId, caseId, command.Reason!, clock.GetUtcNow(),
            settings.Value.EmergencyAccessDuration);
        db.Add(grant);
        var access = new CaseAccess(caseId, @case.OwningUnitId, CaseAccessRoute.EmergencyAccess,
            AccessPolicy.BestRoleIn(actor, actor.UnitsWith(Capability.CaseContent)[0]), grant.Reason, @case.ResponsibleStaffId);
        audit.CaseAccessed(actor, AuditAction.EmergencyAccess, access);
        await db.SaveChangesAsync(ct);
        return new EmergencyAccessView(caseId, grant.Reason, grant.GrantedAt, grant.ExpiresAt);
    }
}
