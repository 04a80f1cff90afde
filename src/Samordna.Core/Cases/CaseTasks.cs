using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Deadlines;
using Samordna.Core.Organisations;

namespace Samordna.Core.Cases;

public sealed record CaseTaskView(Guid Id, Guid CaseId, TaskKind Kind, string Title, bool Required, DateOnly? DueDate,
    string? LegalBasis, Guid? PersonId, CaseTaskStatus Status, string? WaiverReason, string? ExtensionReason, DeadlineStatus? Deadline,
    long Version)
{
    public static CaseTaskView From(CaseTask t, DateOnly today) => new(t.Id, t.CaseId, t.Kind, t.Title, t.Required, t.DueDate,
        t.LegalBasis, t.PersonId, t.Status, t.WaiverReason, t.ExtensionReason,
        t.DueDate is { } due ? Deadlines.Deadline.Classify(due, today, done: !t.IsOpen) : null, t.Version);
}

/// <summary>A row of the deadline radar: an open task with a due date, and the case it belongs to.</summary>
public sealed record RadarItem(CaseTaskView Task, CaseType CaseType, Guid OwningUnitId, string OwningUnit, Guid? ResponsibleStaffId);

public enum RadarScope
{
    /// <summary>Cases the member of staff is responsible for.</summary>
    Mine,

    /// <summary>Cases owned by the units the member of staff works in (or one of them).</summary>
    Units,
}

/// <param name="Version">The version of the task the caller read (optional): a stale one is refused with 409.</param>
public sealed record WaiveTask(string? Reason, long? Version = null);

public sealed record ExtendInvestigation(int? Months, string? Reason);

public sealed class ExtendInvestigationValidator : AbstractValidator<ExtendInvestigation>
{
    public ExtendInvestigationValidator()
    {
        RuleFor(c => c.Months).NotNull().WithMessage("Ange hur många månader utredningen får ta sammanlagt.")
            .InclusiveBetween(5, 24).WithMessage("En förlängd barnutredning får ta 5–24 månader sammanlagt.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Ange de särskilda skälen för förlängningen.").MaximumLength(CaseTask.MaxReasonLength);
        RuleFor(c => c.Reason).Text(TextKind.FreeText);
    }
}

/// <summary>Tasks and deadlines of cases: done, not done (with reason), extended, and the radar.</summary>
public sealed class CaseTaskHandler(DbContext db, TimeProvider clock, AccessPolicy policy, AuditTrail audit,
    CaseDeadlines deadlines, IValidator<ExtendInvestigation> extendValidator)
{
    public async Task<IReadOnlyList<CaseTaskView>> OfCase(Actor actor, Guid caseId, CancellationToken ct)
    {
        var access = await policy.RequireCase(actor, caseId, CaseOperation.Read, ct);
        var today = SwedishTime.Today(clock);
        var tasks = (await db.Set<CaseTask>().AsNoTracking().Where(t => t.CaseId == caseId).OrderBy(t => t.DueDate).ThenBy(t => t.CreatedAt).ToListAsync(ct))
            .Select(t => CaseTaskView.From(t, today)).ToList();
        audit.CaseAccessed(actor, AuditAction.ReadCase, access, tasks.Where(t => t.PersonId != null).Select(t => t.PersonId!.Value));
        await db.SaveChangesAsync(ct);
        return tasks;
    }

    /// <param name="version">The version the caller read, if it sends one: a stale one is refused (409).</param>
    public Task<CaseTaskView> Complete(Actor actor, Guid taskId, CancellationToken ct, long? version = null) =>
        Change(actor, taskId, _ => CaseOperation.WorkTasks, version, task => task.Complete(actor.StaffMemberId, clock.GetUtcNow()), ct);

    /// <summary>
    /// Not doing a task, with the reason. Waiving a required task is a decision — it lets the case close
    /// without, say, the orosanmälan for a child in the household — so it needs the right to decide.
    /// </summary>
    public Task<CaseTaskView> Waive(Actor actor, Guid taskId, WaiveTask command, CancellationToken ct) =>
        Change(actor, taskId, task => task.Required ? CaseOperation.Decide : CaseOperation.WorkTasks, command.Version,
            task => task.Waive(actor.StaffMemberId, clock.GetUtcNow(), command.Reason), ct);

    /// <summary>Förlängning of a child investigation beyond four months, for särskilda skäl recorded in the decision.</summary>
    public async Task<CaseTaskView> Extend(Actor actor, Guid caseId, ExtendInvestigation command, CancellationToken ct)
    {
        await extendValidator.ValidateAndThrowAsync(command, ct);
        var access = await policy.RequireCase(actor, caseId, CaseOperation.Decide, ct);
        var @case = await db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == caseId, ct);
        var task = await db.Set<CaseTask>().SingleOrDefaultAsync(t => t.CaseId == caseId && t.Kind == TaskKind.ChildInvestigation && t.Status == CaseTaskStatus.Open, ct)
            ?? throw new DomainRuleException("Ärendet har ingen pågående barnutredning att förlänga.");
        var now = clock.GetUtcNow();
        task.Extend(deadlines.ExtendedInvestigation(@case, command.Months!.Value, now, command.Reason!), command.Reason!);
        audit.CaseAccessed(actor, AuditAction.UpdateCase, access);
        await db.SaveChangesAsync(ct);
        return CaseTaskView.From(task, SwedishTime.Today(clock));
    }

    /// <summary>
    /// Deadline radar: open tasks with a due date in the cases the actor may open — overdue, due today,
    /// due within seven days, later — for the actor's own caseload or their units.
    /// </summary>
    public async Task<IReadOnlyList<RadarItem>> Radar(Actor actor, RadarScope scope, Guid? unitId, CancellationToken ct)
    {
        var cases = policy.ReadableCases(actor);
        if (scope == RadarScope.Mine) cases = cases.Where(c => c.ResponsibleStaffId == actor.StaffMemberId);
        else
        {
            var units = actor.UnitsWith(Capability.CaseContent).Where(u => unitId is null || u == unitId).ToList();
            cases = cases.Where(c => units.Contains(c.OwningUnitId));
        }
        var rows = await (
            from t in db.Set<CaseTask>().AsNoTracking()
            where t.Status == CaseTaskStatus.Open && t.DueDate != null
            join c in cases on t.CaseId equals c.Id
            join u in db.Set<Unit>() on c.OwningUnitId equals u.Id
            orderby t.DueDate
            select new { Task = t, c.Type, c.OwningUnitId, Unit = u.Name, c.ResponsibleStaffId }).Take(500).ToListAsync(ct);
        var today = SwedishTime.Today(clock);
        var items = rows.Select(r => new RadarItem(CaseTaskView.From(r.Task, today), r.Type, r.OwningUnitId, r.Unit, r.ResponsibleStaffId)).ToList();
        audit.Record(actor, AuditAction.Search, items.Select(i => AuditSubject.Case(i.Task.CaseId)).Distinct());
        await db.SaveChangesAsync(ct);
        return items;
    }

    // Two changes that both read the task race at SaveChanges: the version in the UPDATE's WHERE clause
    // lets one through and the other gets a concurrency conflict (409), so a task is never both done and waived.
    private async Task<CaseTaskView> Change(Actor actor, Guid taskId, Func<CaseTask, CaseOperation> operation, long? version,
        Action<CaseTask> change, CancellationToken ct)
    {
        var task = await db.Set<CaseTask>().SingleOrDefaultAsync(t => t.Id == taskId && t.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException("Uppgiften", taskId);
        var access = await policy.RequireCaseOf(actor, task.CaseId, operation(task), new NotFoundException("Uppgiften", taskId), ct);
        if (version is { } expected) task.EnsureVersion(expected);
        change(task);
        audit.CaseAccessed(actor, AuditAction.UpdateCase, access, task.PersonId is { } person ? [person] : null);
        await db.SaveChangesAsync(ct);
        return CaseTaskView.From(task, SwedishTime.Today(clock));
    }
}
