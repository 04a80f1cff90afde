using Samordna.Core.Deadlines;

namespace Samordna.Core.Cases;

/// <summary>
/// Turns the deadline rules in force into the tasks of a case: a report about a child gets its
/// skyddsbedömning and förhandsbedömning, an adult case its "utan dröjsmål" target, a child
/// investigation its four months. Due dates come from <see cref="DeadlineCalculator"/>, so the
/// statute version, the legal basis and the working-day rule travel with each task.
/// </summary>
public sealed class CaseDeadlines(DeadlineRuleSet rules)
{
    /// <summary>The tasks a newly opened case starts with.</summary>
    /// <param name="clockStartsAt">When the legal clock starts, if not when the matter was received: a friyta
    /// contact becomes a matter for investigation when the person consents, not at the first anonymous talk.</param>
    public IEnumerable<CaseTask> ForNewCase(Case @case, DateTimeOffset now, DateTimeOffset? clockStartsAt = null)
    {
        var start = clockStartsAt ?? @case.ReceivedAt;
        if (@case.Type == CaseType.Child && @case.Intake.Channel == IntakeChannel.ReportOfConcern)
        {
            yield return Task(@case, TaskKind.ProtectionAssessment, "Skyddsbedömning", DeadlineKey.ChildProtectionAssessment, start, now);
            yield return Task(@case, TaskKind.PreliminaryAssessment, "Förhandsbedömning: inleda utredning eller inte", DeadlineKey.ChildPreliminaryAssessment, start, now);
        }
        else if (@case.Type is CaseType.AdultVictim or CaseType.Perpetrator)
        {
            // A target, not a bar to closing: an adult may decline, and the case then closes with that reason.
            yield return Task(@case, TaskKind.AdultInvestigationStart, "Inleda utredning utan dröjsmål", DeadlineKey.AdultInvestigationStart,
                start, now, required: false);
        }
    }

    /// <summary>Barnutredningen: counted from the day it was opened.</summary>
    public CaseTask ChildInvestigation(Case @case, DateTimeOffset startedAt) =>
        Task(@case, TaskKind.ChildInvestigation, "Barnutredningen ska vara avslutad", DeadlineKey.ChildInvestigation, startedAt, startedAt);

    /// <summary>The new last day of a child investigation after a recorded förlängning of <paramref name="months"/> months in all.</summary>
    public DateOnly ExtendedInvestigation(Case @case, int months, DateTimeOffset decidedAt, string reason) =>
        DeadlineCalculator.Calculate(rules, DeadlineKey.ChildInvestigation,
            @case.InvestigationStartedAt ?? throw new DomainRuleException("Utredningen är inte inledd."),
            Extension.ToPeriod(DeadlinePeriod.Months(months), decidedAt, reason)).DueDate;

    private CaseTask Task(Case @case, TaskKind kind, string title, DeadlineKey key, DateTimeOffset start, DateTimeOffset now, bool required = true)
    {
        var deadline = DeadlineCalculator.Calculate(rules, key, start);
        return new CaseTask(@case, kind, title, required, now, deadline.DueDate, key.Value, deadline.LegalBasis);
    }
}
