using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;

namespace Samordna.Core.Handovers;

/// <summary>
/// Lämna över: the unit that owns the case hands it to <see cref="ToUnitId"/> with a summary. With
/// <see cref="Queue"/> the client is also put in the receiving unit's waiting list from now. <see cref="Scope"/>
/// is what the receiving unit may do in the case when it joins the team (default: contribute).
/// </summary>
public sealed record HandOver(Guid? ToUnitId, string? WhatHappened, string? Assessments, string? Risks,
    string? WhatTheClientHasToldAlready, string? OtherNotes = null, bool Queue = false, CaseTeamScope? Scope = null);

public sealed class HandOverValidator : AbstractValidator<HandOver>
{
    public HandOverValidator()
    {
        RuleFor(c => c.ToUnitId).NotEmpty().WithMessage("Ange vilken enhet ärendet lämnas över till.");
        RuleFor(c => c.WhatHappened).NotEmpty().WithMessage("Beskriv vad som har hänt.").MaximumLength(HandoverSummary.MaxLength);
        RuleFor(c => c.Assessments).NotEmpty().WithMessage("Beskriv vilka bedömningar som är gjorda (skriv det om inga är gjorda).")
            .MaximumLength(HandoverSummary.MaxLength);
        RuleFor(c => c.Risks).NotEmpty().WithMessage("Beskriv vilka risker som finns (skriv det om inga är kända).").MaximumLength(HandoverSummary.MaxLength);
        RuleFor(c => c.WhatTheClientHasToldAlready).NotEmpty().WithMessage("Beskriv vad klienten redan har berättat, så att hen inte behöver berätta det igen.")
            .MaximumLength(HandoverSummary.MaxLength);
        RuleFor(c => c.OtherNotes).MaximumLength(HandoverSummary.OtherNotesMaxLength);
        RuleFor(c => c.WhatHappened).Text(TextKind.FreeText);
        RuleFor(c => c.Assessments).Text(TextKind.FreeText);
        RuleFor(c => c.Risks).Text(TextKind.FreeText);
        RuleFor(c => c.WhatTheClientHasToldAlready).Text(TextKind.FreeText);
        RuleFor(c => c.OtherNotes).Text(TextKind.FreeText);
        RuleFor(c => c.Scope).IsInEnum().WithMessage("Ange vad enheten får göra: consult, contribute eller full.");
    }
}

/// <summary>
/// Hands a case over. The receiving unit joins the case team at once (reason Överlämning; not twice),
/// so its staff can read the case and the summary before anyone has accepted anything: the client
/// should not have to wait for paperwork, nor tell their story again. Only the owning unit hands over.
/// </summary>
public sealed class HandOverHandler(DbContext db, TimeProvider clock, IValidator<HandOver> validator,
    AccessPolicy policy, AuditTrail audit, HandoverQueries queries)
{
    public async Task<HandoverView> Handle(Actor actor, Guid caseId, HandOver command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var access = await policy.RequireCase(actor, caseId, CaseOperation.HandOver, ct);
        var @case = await db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == caseId, ct);
        @case.EnsureOpen();
        var toUnitId = command.ToUnitId!.Value;
        if (!await db.Set<Unit>().AnyAsync(u => u.Id == toUnitId && u.OrganisationId == actor.OrganisationId, ct))
            throw new NotFoundException("Enheten", toUnitId);
        if (await db.Set<Handover>().AnyAsync(h => h.CaseId == caseId && h.ToUnitId == toUnitId && h.Status == HandoverStatus.Pending, ct))
            throw new DomainRuleException("Ärendet är redan överlämnat till enheten och väntar på att tas emot.");
        if (command.Queue && await db.Set<WaitingListEntry>().AnyAsync(e => e.CaseId == caseId && e.UnitId == toUnitId && e.Status == WaitingListStatus.Waiting, ct))
            throw new DomainRuleException("Klienten står redan i kö hos enheten. Lämna över utan att ställa klienten i kö igen.");

        var now = clock.GetUtcNow();
        var summary = new HandoverSummary(command.WhatHappened!, command.Assessments!, command.Risks!,
            command.WhatTheClientHasToldAlready!, command.OtherNotes);
        var joins = toUnitId != @case.OwningUnitId &&
                    !await db.Set<CaseTeamMember>().AnyAsync(t => t.CaseId == caseId && t.UnitId == toUnitId, ct);
        var handover = new Handover(actor.OrganisationId, caseId, @case.OwningUnitId, toUnitId, actor.StaffMemberId, now, summary, joins);
        db.Add(handover);
        if (joins) db.Add(new CaseTeamMember(actor.OrganisationId, caseId, toUnitId, CaseTeamReason.Handover, actor.StaffMemberId, now, command.Scope));
        if (command.Queue) db.Add(new WaitingListEntry(actor.OrganisationId, caseId, toUnitId, now, actor.StaffMemberId, handover.Id));

        audit.CaseAccessed(actor, AuditAction.HandOver, access);
        await db.SaveChangesAsync(ct);
        return await queries.View(actor, handover.Id, ct);
    }
}
