namespace Samordna.Core.Cases;

/// <summary>
/// Uppgift: something that must be done in a case, often by a legal deadline. A required task blocks
/// closing the case until it is done or a reason is recorded for not doing it. It carries a version
/// like every mutable aggregate, so completing and waiving it at the same moment cannot both succeed.
/// </summary>
public sealed class CaseTask : Aggregate
{
    private CaseTask() { }

    public CaseTask(Case @case, TaskKind kind, string title, bool required, DateTimeOffset createdAt,
        DateOnly? dueDate = null, string? ruleKey = null, string? legalBasis = null, Guid? personId = null)
    {
        OrganisationId = @case.OrganisationId;
        CaseId = @case.Id;
        Kind = kind;
        Title = title;
        Required = required;
        CreatedAt = createdAt;
        DueDate = dueDate;
        RuleKey = ruleKey;
        LegalBasis = legalBasis;
        PersonId = personId;
    }

    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public TaskKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public bool Required { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last Swedish calendar day on which the task is in time.</summary>
    public DateOnly? DueDate { get; private set; }

    /// <summary>The deadline rule the due date came from, and its legal basis.</summary>
    public string? RuleKey { get; private set; }

    public string? LegalBasis { get; private set; }

    /// <summary>The person the task is about, e.g. the child in the household.</summary>
    public Guid? PersonId { get; private set; }

    public CaseTaskStatus Status { get; private set; }

    /// <summary>After a merge of two records of one person, the task names the kept one.</summary>
    internal void ConcernPerson(Guid personId) => PersonId = personId;
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? ClosedBy { get; private set; }

    /// <summary>Why the task was not done (required tasks only close this way with a reason).</summary>
    public string? WaiverReason { get; private set; }

    /// <summary>The longest reason stored for a waiver or an extension.</summary>
    public const int MaxReasonLength = 1_000;

    public bool IsOpen => Status == CaseTaskStatus.Open;

    public void Complete(Guid staffMemberId, DateTimeOffset at)
    {
        EnsureOpen();
        Status = CaseTaskStatus.Done;
        ClosedAt = at;
        ClosedBy = staffMemberId;
    }

    public void Waive(Guid staffMemberId, DateTimeOffset at, string? reason)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Ange skälet till att uppgiften inte görs.");
        TextRule.Require(reason, "reason", TextKind.FreeText);
        var normalized = TextRule.Normalize(reason)!;
        if (normalized.Length > MaxReasonLength)
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("reason", $"Högst {MaxReasonLength} tecken.")]);
        Status = CaseTaskStatus.Waived;
        WaiverReason = normalized;
        ClosedAt = at;
        ClosedBy = staffMemberId;
    }

    /// <summary>The reasons of a recorded förlängning, when the due date was extended.</summary>
    public string? ExtensionReason { get; private set; }

    /// <summary>A recorded extension (förlängning) moves the due date; the decision's reasons are kept.</summary>
    public void Extend(DateOnly newDueDate, string reason)
    {
        EnsureOpen();
        if (DueDate is { } due && newDueDate <= due) throw new DomainRuleException("En förlängning måste flytta fristen framåt.");
        DueDate = newDueDate;
        ExtensionReason = TextRule.Normalize(reason);
    }

    private void EnsureOpen()
    {
        if (!IsOpen) throw new DomainRuleException("Uppgiften är redan avslutad.");
    }
}

public enum CaseTaskStatus { Open, Done, Waived }

public enum TaskKind
{
    /// <summary>Barn i hushållet: the child must be reported (orosanmälan) or a reason recorded.</summary>
    ChildInHousehold,

    /// <summary>Skyddsbedömning: immediate protection assessment of a report about a child.</summary>
    ProtectionAssessment,

    /// <summary>Förhandsbedömning: decide within 14 days whether to open an investigation.</summary>
    PreliminaryAssessment,

    /// <summary>Barnutredning: finished within 4 months unless extended.</summary>
    ChildInvestigation,

    /// <summary>Inleda utredning utan dröjsmål (adults).</summary>
    AdultInvestigationStart,

    /// <summary>Ny kontakt: the person declined an offer; try again after a while.</summary>
    Recontact,

    /// <summary>Snabb kontakt after a police event: has the person been told about support?</summary>
    FastContact,
}
