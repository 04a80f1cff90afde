namespace Samordna.Core.Deadlines;

/// <summary>
/// A calculated deadline: the last Swedish calendar day on which the act is in time, with the rule and
/// legal basis it comes from, and how the day was arrived at (moved off a non-working day, extended).
/// Made only by <see cref="DeadlineCalculator"/>.
/// </summary>
public sealed record Deadline
{
    internal Deadline(DeadlineRule rule, DateOnly startDay, DateOnly dueDate, DateOnly? movedFrom,
        DateOnly? dueDateBeforeExtension, Extension? extension)
    {
        Rule = rule;
        StartDay = startDay;
        DueDate = dueDate;
        MovedFrom = movedFrom;
        DueDateBeforeExtension = dueDateBeforeExtension;
        Extension = extension;
    }

    public DeadlineRule Rule { get; }

    public DeadlineKey RuleKey => Rule.Key;

    public string LegalBasis => Rule.LegalBasis;

    /// <summary>The Swedish calendar day of the start instant: day 0 of the period.</summary>
    public DateOnly StartDay { get; }

    /// <summary>The last day on which the act is in time.</summary>
    public DateOnly DueDate { get; }

    /// <summary>The non-working last day that lagen (1930:173) moved to <see cref="DueDate"/>; null when not moved.</summary>
    public DateOnly? MovedFrom { get; }

    public bool WasMovedToWorkingDay => MovedFrom is not null;

    public Extension? Extension { get; }

    /// <summary>The last day the rule itself gave, when an extension replaced it.</summary>
    public DateOnly? DueDateBeforeExtension { get; }

    /// <summary>
    /// The extension was decided after the rule's own last day had passed: the deadline was already missed
    /// once, which supervision (IVO) will want to see even though the act is now in time again.
    /// </summary>
    public bool ExtensionDecidedAfterExpiry =>
        Extension is not null && DeadlineCalculator.SwedishDay(Extension.DecidedAt) > DueDateBeforeExtension;

    /// <summary>The status on a Swedish calendar day.</summary>
    public DeadlineStatus StatusOn(DateOnly today, bool done) => Classify(DueDate, today, done);

    /// <summary>Where a last day stands on the radar on a Swedish calendar day; for stored due dates too.</summary>
    public static DeadlineStatus Classify(DateOnly dueDate, DateOnly today, bool done)
    {
        if (done)
            return DeadlineStatus.Done;
        var daysLeft = dueDate.DayNumber - today.DayNumber;
        return daysLeft switch
        {
            < 0 => DeadlineStatus.Overdue,
            0 => DeadlineStatus.DueToday,
            <= 7 => DeadlineStatus.DueWithinWeek,
            _ => DeadlineStatus.Later,
        };
    }

    /// <summary>The status now, judged by today's Swedish calendar day.</summary>
    public DeadlineStatus StatusNow(TimeProvider clock, bool done) => StatusOn(SwedishTime.Today(clock), done);
}
