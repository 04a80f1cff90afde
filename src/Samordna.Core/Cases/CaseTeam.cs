using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Organisations;

namespace Samordna.Core.Cases;

/// <summary>
/// Lets another unit work on the case (handover, referral, consultation). Only the owning unit may.
/// <see cref="Scope"/> is what the unit may do (consult, contribute, full); left out, it follows the reason.
/// </summary>
public sealed record AddToCaseTeam(Guid? UnitId, CaseTeamReason? Reason, CaseTeamScope? Scope = null);

public sealed class AddToCaseTeamValidator : AbstractValidator<AddToCaseTeam>
{
    public AddToCaseTeamValidator()
    {
        RuleFor(c => c.UnitId).NotEmpty().WithMessage("Ange vilken enhet som ska ingå i ärendeteamet.");
        RuleFor(c => c.Reason).NotNull().WithMessage("Ange skälet: överlämning, remiss eller konsultation.").IsInEnum().WithMessage("Ange skälet: överlämning, remiss eller konsultation.");
        RuleFor(c => c.Scope).IsInEnum().WithMessage("Ange vad enheten får göra: consult (läsa och anteckna), contribute (medverka) eller full (även besluta).");
    }
}

public sealed class AddToCaseTeamHandler(DbContext db, TimeProvider clock, IValidator<AddToCaseTeam> validator,
    AccessPolicy policy, AuditTrail audit, CaseQueries queries)
{
    public async Task<CaseDetails> Handle(Actor actor, Guid caseId, AddToCaseTeam command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var access = await policy.RequireCase(actor, caseId, CaseOperation.ManageTeam, ct);
        var unitId = command.UnitId!.Value;
        if (!await db.Set<Unit>().AnyAsync(u => u.Id == unitId && u.OrganisationId == actor.OrganisationId, ct))
            throw new NotFoundException("Enheten", unitId);
        if (unitId == access.OwningUnitId || await db.Set<CaseTeamMember>().AnyAsync(t => t.CaseId == caseId && t.UnitId == unitId, ct))
            throw new DomainRuleException("Enheten arbetar redan med ärendet.");

        db.Add(new CaseTeamMember(actor.OrganisationId, caseId, unitId, command.Reason!.Value, actor.StaffMemberId, clock.GetUtcNow(), command.Scope));
        audit.CaseAccessed(actor, AuditAction.ChangeCaseTeam, access);
        await db.SaveChangesAsync(ct);
        return await queries.Details(actor, access, ct);
    }
}
