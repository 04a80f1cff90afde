using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;

namespace Samordna.Core.Cases;

/// <summary>A step on one of the case's tracks. <see cref="Version"/> is the version read; <see cref="Reason"/> where the step needs one.</summary>
public sealed record TransitionCase(CaseTransition? Transition, long? Version, string? Reason = null);

public enum CaseTransition
{
    /// <summary>Inleda utredning.</summary>
    StartInvestigation,

    /// <summary>Inte inleda utredning (reason required).</summary>
    DecideNotToInvestigate,

    /// <summary>Beslut efter utredning.</summary>
    Decide,

    /// <summary>Stöd startar (also before a decision).</summary>
    StartSupport,

    EndSupport,

    /// <summary>Avsluta (reason required; no open required task).</summary>
    Close,

    /// <summary>Återöppna (reason required).</summary>
    Reopen,
}

public sealed class TransitionCaseValidator : AbstractValidator<TransitionCase>
{
    public TransitionCaseValidator()
    {
        const string transition = "Ange steget: startInvestigation, decideNotToInvestigate, decide, startSupport, endSupport, close eller reopen.";
        RuleFor(c => c.Transition).NotNull().WithMessage(transition).IsInEnum().WithMessage(transition);
        RuleFor(c => c.Version).NotNull().WithMessage("Ange vilken version av ärendet steget bygger på.");
        RuleFor(c => c.Reason).MaximumLength(1_000).Text(TextKind.FreeText);
    }
}

/// <summary>
/// Moves a case along its tracks. The rules live in <see cref="Case"/>; a step the law forbids (a
/// decision without an investigation, closing with open required tasks) is refused with 409 and a
/// message that says why. Steps that settle a deadline close its task; an investigation of a child
/// gets its four-month deadline when it starts.
/// </summary>
public sealed class TransitionCaseHandler(DbContext db, TimeProvider clock, IValidator<TransitionCase> validator,
    AccessPolicy policy, AuditTrail audit, CaseQueries queries, CaseDeadlines deadlines)
{
    public async Task<CaseDetails> Handle(Actor actor, Guid caseId, TransitionCase command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var access = await policy.RequireCase(actor, caseId, OperationOf(command.Transition!.Value), ct);
        var @case = await db.Set<Case>().SingleAsync(c => c.Id == caseId, ct);
        @case.EnsureVersion(command.Version!.Value);
        var now = clock.GetUtcNow();
        var openTasks = await db.Set<CaseTask>().Where(t => t.CaseId == caseId && t.Status == CaseTaskStatus.Open).ToListAsync(ct);
        void Settle(TaskKind kind) { foreach (var task in openTasks.Where(t => t.Kind == kind)) task.Complete(actor.StaffMemberId, now); }

        switch (command.Transition!.Value)
        {
            case CaseTransition.StartInvestigation:
                @case.StartInvestigation(now);
                Settle(TaskKind.AdultInvestigationStart);
                Settle(TaskKind.PreliminaryAssessment);
                if (@case.Type == CaseType.Child) db.Add(deadlines.ChildInvestigation(@case, now));
                break;
            case CaseTransition.DecideNotToInvestigate:
                @case.DecideNotToInvestigate(command.Reason, now);
                Settle(TaskKind.AdultInvestigationStart);
                Settle(TaskKind.PreliminaryAssessment);
                break;
            case CaseTransition.Decide:
                @case.Decide(now);
                Settle(TaskKind.ChildInvestigation);
                break;
            case CaseTransition.StartSupport:
                @case.StartSupport(now);
                break;
            case CaseTransition.EndSupport:
                @case.EndSupport(now);
                break;
            case CaseTransition.Close:
                @case.Close(command.Reason, now, openTasks.Where(t => t.Required).Select(t => t.Title).ToList());
                // Targets that are not required end with the case, with its reason on record.
                foreach (var task in openTasks) task.Waive(actor.StaffMemberId, now, $"Ärendet avslutades: {command.Reason!.Trim()}");
                break;
            case CaseTransition.Reopen:
                @case.Reopen(command.Reason);
                break;
        }

        audit.CaseAccessed(actor, AuditAction.UpdateCase, access);
        await db.SaveChangesAsync(ct);
        return await queries.Details(actor, access, ct);
    }

    /// <summary>Which permission a step needs: the support track is the treating unit's work; the investigation and closing are decisions.</summary>
    public static CaseOperation OperationOf(CaseTransition transition) => transition switch
    {
        CaseTransition.StartSupport or CaseTransition.EndSupport => CaseOperation.RunSupport,
        CaseTransition.Close or CaseTransition.Reopen => CaseOperation.CloseOrReopen,
        _ => CaseOperation.Decide,
    };
}
