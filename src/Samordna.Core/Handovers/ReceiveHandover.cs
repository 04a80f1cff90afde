using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;

namespace Samordna.Core.Handovers;

public sealed record DeclineHandover(string? Reason);

public sealed class DeclineHandoverValidator : AbstractValidator<DeclineHandover>
{
    public DeclineHandoverValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Ange skälet till att överlämningen avböjs.").MaximumLength(Handover.MaxDeclineReasonLength);
        RuleFor(c => c.Reason).Text(TextKind.FreeText);
    }
}

/// <summary>
/// The receiving unit answers a handover: accepts it, or declines it with a reason. Only staff with case
/// content in the receiving unit answer. A declining unit that joined the case team through the handover
/// leaves it again, and the queue place the handover made is closed: the unit will not work on the case,
/// so it should no longer read it.
/// </summary>
public sealed class ReceiveHandoverHandler(DbContext db, TimeProvider clock, IValidator<DeclineHandover> declineValidator,
    AuditTrail audit, HandoverQueries queries)
{
    public async Task<HandoverView> Accept(Actor actor, Guid id, CancellationToken ct)
    {
        var (handover, access) = await Receiving(actor, id, ct);
        handover.Accept(actor.StaffMemberId, clock.GetUtcNow());
        audit.CaseAccessed(actor, AuditAction.AnswerHandover, access);
        await db.SaveChangesAsync(ct);
        return await queries.View(actor, id, ct);
    }

    public async Task<HandoverView> Decline(Actor actor, Guid id, DeclineHandover command, CancellationToken ct)
    {
        await declineValidator.ValidateAndThrowAsync(command, ct);
        var (handover, access) = await Receiving(actor, id, ct);
        var now = clock.GetUtcNow();
        handover.Decline(actor.StaffMemberId, now, command.Reason);

        var queued = await db.Set<WaitingListEntry>().Where(e => e.HandoverId == id && e.Status == WaitingListStatus.Waiting).ToListAsync(ct);
        foreach (var entry in queued) entry.Remove(now, actor.StaffMemberId, $"Överlämningen avböjdes: {handover.DeclineReason}");
        if (handover.ReceiverJoinedTeam && !await StillWorksOnCase(handover, ct))
            db.RemoveRange(await db.Set<CaseTeamMember>().Where(t => t.CaseId == handover.CaseId && t.UnitId == handover.ToUnitId).ToListAsync(ct));

        audit.CaseAccessed(actor, AuditAction.AnswerHandover, access);
        await db.SaveChangesAsync(ct);
        return await queries.View(actor, id, ct);
    }

    /// <summary>The handover, for staff of its receiving unit; others who may open the case get 403, the rest 404.</summary>
    private async Task<(Handover, CaseAccess)> Receiving(Actor actor, Guid id, CancellationToken ct)
    {
        var (handover, access) = await queries.Find(actor, id, ct, tracked: true);
        var role = AccessPolicy.RequireUnitStaff(actor, handover.ToUnitId,
            "Bara personal i den mottagande enheten kan ta emot eller avböja överlämningen.");
        // The log names the receiving unit as the one acting, whichever way the case is open to the reader.
        return (handover, access with { Through = role });
    }

    /// <summary>Another open handover or a waiting place keeps the unit on the case team.</summary>
    private async Task<bool> StillWorksOnCase(Handover declined, CancellationToken ct) =>
        await db.Set<Handover>().AnyAsync(h => h.Id != declined.Id && h.CaseId == declined.CaseId && h.ToUnitId == declined.ToUnitId &&
                                               h.Status != HandoverStatus.Declined, ct) ||
        await db.Set<WaitingListEntry>().AnyAsync(e => e.CaseId == declined.CaseId && e.UnitId == declined.ToUnitId &&
                                                       e.HandoverId != declined.Id && e.Status == WaitingListStatus.Waiting, ct);
}
