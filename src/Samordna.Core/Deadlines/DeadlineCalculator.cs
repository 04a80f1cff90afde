namespace Samordna.Core.Deadlines;

/// <summary>
/// Works out the last day of a deadline from its rule and the instant the matter started. Legal days are
/// Swedish calendar days: the start instant is read in Europe/Stockholm time, whatever the server's zone,
/// and the daylight-saving change moves no deadline by a day.
/// </summary>
public static class DeadlineCalculator
{
    /// <param name="rule">The rule in force when the matter started (<see cref="DeadlineRuleSet.InForceAt"/>).</param>
    /// <param name="start">When the event the rule counts from happened (<see cref="DeadlineRule.CountsFrom"/>).</param>
    /// <param name="extension">A recorded decision giving more time, if the rule allows one.</param>
    public static Deadline Calculate(DeadlineRule rule, DateTimeOffset start, Extension? extension = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var local = SwedishTime.ToSwedish(start);
        var startDay = DateOnly.FromDateTime(local.DateTime);

        var lastDay = rule.Period.Unit == PeriodUnit.SameDay && TimeOnly.FromDateTime(local.DateTime) >= rule.CutOff
            ? startDay.AddDays(1)
            : rule.Period.LastDayFrom(startDay);
        var (due, movedFrom) = Settle(lastDay, rule.MovesToWorkingDay);
        if (extension is null)
            return new Deadline(rule, startDay, due, movedFrom, null, null);

        if (!rule.AllowsExtension)
            throw new DomainRuleException($"Fristen för {rule.Title.ToLowerInvariant()} ({rule.LegalBasis}) kan inte förlängas.");
        if (extension.DecidedAt < start)
            throw new DomainRuleException("Förlängningen kan inte vara beslutad innan fristen började löpa.");

        // A day named in the decision is the day decided; a new period is counted and settled like the rule's own.
        var (extendedDue, extendedMovedFrom) = extension.NewDueDate is { } decided
            ? (decided, null)
            : Settle(extension.NewPeriod!.LastDayFrom(startDay), rule.MovesToWorkingDay);
        if (extendedDue <= due)
            throw new DomainRuleException(
                $"En förlängning måste ge en senare sista dag än {due:yyyy-MM-dd}; beslutet ger {extendedDue:yyyy-MM-dd}.");
        return new Deadline(rule, startDay, extendedDue, extendedMovedFrom, due, extension);
    }

    /// <summary>Chooses the rule for <paramref name="key"/> in force on the start day and calculates with it.</summary>
    public static Deadline Calculate(DeadlineRuleSet rules, DeadlineKey key, DateTimeOffset start, Extension? extension = null) =>
        Calculate(rules.InForceAt(key, start), start, extension);

    /// <summary>The Swedish calendar day of an instant.</summary>
    internal static DateOnly SwedishDay(DateTimeOffset instant) =>
        DateOnly.FromDateTime(SwedishTime.ToSwedish(instant).DateTime);

    private static (DateOnly Due, DateOnly? MovedFrom) Settle(DateOnly lastDay, bool movesToWorkingDay) =>
        movesToWorkingDay && SwedishHolidays.IsNonWorkingDay(lastDay)
            ? (SwedishHolidays.NextWorkingDay(lastDay), lastDay)
            : (lastDay, null);
}
