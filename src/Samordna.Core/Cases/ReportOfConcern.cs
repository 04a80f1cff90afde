using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Organisations;
using Samordna.Core.People;

namespace Samordna.Core.Cases;

/// <summary>
/// Orosanmälan: a report of concern about a child, filed by any member of staff from any case (or
/// received from outside). It opens the child's case in the receiving unit, with the skyddsbedömning
/// and förhandsbedömning deadlines running from when it arrived. The reporting unit may follow the
/// outcome — whether an investigation was opened and support started — but not the child's case.
/// </summary>
public sealed class ReportOfConcern : Entity
{
    private ReportOfConcern() { }

    public ReportOfConcern(Guid organisationId, Guid childPersonId, Guid childCaseId, Guid recipientUnitId, Guid? fromCaseId,
        Guid? reportingUnitId, Guid filedBy, ReporterKind reporter, DateTimeOffset receivedAt, string concerns)
    {
        OrganisationId = organisationId;
        ChildPersonId = childPersonId;
        ChildCaseId = childCaseId;
        RecipientUnitId = recipientUnitId;
        FromCaseId = fromCaseId;
        ReportingUnitId = reportingUnitId;
        FiledBy = filedBy;
        Reporter = reporter;
        ReceivedAt = receivedAt;
        Concerns = concerns.Trim();
    }

    public Guid OrganisationId { get; private set; }
    public Guid ChildPersonId { get; private set; }

    /// <summary>After a merge of two records of the child, the report names the kept one.</summary>
    internal void ConcernChild(Guid personId) => ChildPersonId = personId;
    public Guid ChildCaseId { get; private set; }
    public Guid RecipientUnitId { get; private set; }
    public Guid? FromCaseId { get; private set; }
    public Guid? ReportingUnitId { get; private set; }
    public Guid FiledBy { get; private set; }
    public ReporterKind Reporter { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>What the concern is about, in the reporter's words.</summary>
    public string Concerns { get; private set; } = "";
}

public sealed record FileReportOfConcern(Guid? ChildPersonId, Guid? RecipientUnitId, string? Concerns, ReporterKind? Reporter = null,
    Guid? FromCaseId = null, DateTimeOffset? ReceivedAt = null);

/// <summary>What the reporting unit may know: the report, and whether it led to an investigation or support.</summary>
public sealed record ReportOutcome(Guid Id, DateTimeOffset ReceivedAt, string RecipientUnit, InvestigationState Investigation,
    bool SupportStarted, bool CaseClosed);

public sealed class FileReportOfConcernValidator : AbstractValidator<FileReportOfConcern>
{
    public FileReportOfConcernValidator(TimeProvider clock)
    {
        RuleFor(c => c.ChildPersonId).NotEmpty().WithMessage("Ange vilket barn anmälan gäller.");
        RuleFor(c => c.RecipientUnitId).NotEmpty().WithMessage("Ange vilken enhet som tar emot anmälan.");
        RuleFor(c => c.Concerns).NotEmpty().WithMessage("Beskriv vad oron gäller.").MaximumLength(4_000);
        RuleFor(c => c.Concerns).Text(TextKind.FreeText);
        RuleFor(c => c.Reporter).IsInEnum();
        RuleFor(c => c.ReceivedAt).HasHappened(clock, "En anmälan kan inte ha kommit in i framtiden.");
    }
}

public sealed class ReportOfConcernHandler(DbContext db, TimeProvider clock, IValidator<FileReportOfConcern> validator,
    AccessPolicy policy, AuditTrail audit, CaseDeadlines deadlines)
{
    public async Task<ReportOutcome> File(Actor actor, FileReportOfConcern command, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(command, ct);
        var recipient = await db.Set<Unit>().AsNoTracking()
            .SingleOrDefaultAsync(u => u.Id == command.RecipientUnitId && u.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException("Enheten", command.RecipientUnitId!);
        var child = await policy.RequirePerson(actor, command.ChildPersonId!.Value, ct);

        CaseAccess? from = null;
        if (command.FromCaseId is { } fromCaseId) from = await policy.RequireCase(actor, fromCaseId, CaseOperation.Read, ct);
        var now = clock.GetUtcNow();
        var receivedAt = (command.ReceivedAt ?? now).ToUniversalTime();

        var childCase = new Case(actor.OrganisationId, CaseType.Child, recipient.Id, child.Id, receivedAt, actor.StaffMemberId, null,
            new Intake(IntakeChannel.ReportOfConcern, command.Reporter ?? ReporterKind.Other, recipient.Id));
        db.Add(childCase);
        db.AddRange(deadlines.ForNewCase(childCase, now));
        var report = new ReportOfConcern(actor.OrganisationId, child.Id, childCase.Id, recipient.Id, command.FromCaseId,
            from?.Through?.UnitId ?? actor.UnitsWith(Capability.CaseContent).FirstOrDefault(), actor.StaffMemberId,
            command.Reporter ?? ReporterKind.Other, receivedAt, command.Concerns!);
        db.Add(report);

        // The report settles the "child in the household" task of the case it was filed from.
        if (command.FromCaseId is { } origin)
            foreach (var task in await db.Set<CaseTask>().Where(t => t.CaseId == origin && t.Kind == TaskKind.ChildInHousehold &&
                                                                     t.PersonId == child.Id && t.Status == CaseTaskStatus.Open).ToListAsync(ct))
                task.Complete(actor.StaffMemberId, now);

        audit.Record(actor, AuditAction.FileReportOfConcern,
            [AuditSubject.Person(child.Id), AuditSubject.Case(childCase.Id), .. command.FromCaseId is { } f ? new[] { AuditSubject.Case(f) } : []],
            through: from?.Through);
        await db.SaveChangesAsync(ct);
        return new ReportOutcome(report.Id, receivedAt, recipient.Name, childCase.Investigation, false, false);
    }

    /// <summary>The outcome, for the member of staff who filed it, their unit, or anyone who may open the child's case.</summary>
    public async Task<ReportOutcome> Outcome(Actor actor, Guid reportId, CancellationToken ct)
    {
        var report = await db.Set<ReportOfConcern>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == reportId && r.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException("Anmälan", reportId);
        if (!await policy.MayFollowReport(actor, report, ct)) throw new NotFoundException("Anmälan", reportId);

        var childCase = await db.Set<Case>().AsNoTracking().SingleAsync(c => c.Id == report.ChildCaseId, ct);
        var recipient = await db.Set<Unit>().Where(u => u.Id == report.RecipientUnitId).Select(u => u.Name).SingleAsync(ct);
        audit.Record(actor, AuditAction.ReadCase, [AuditSubject.Case(report.ChildCaseId)]);
        await db.SaveChangesAsync(ct);
        return new ReportOutcome(report.Id, report.ReceivedAt, recipient, childCase.Investigation,
            childCase.SupportStartedAt is not null, childCase.Status == CaseStatus.Closed);
    }
}
