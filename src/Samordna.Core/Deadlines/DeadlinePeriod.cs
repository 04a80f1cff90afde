namespace Samordna.Core.Deadlines;

public enum PeriodUnit
{
    /// <summary>The act is due on the day the matter arrives (or the next day, after the rule's cut-off).</summary>
    SameDay,

    /// <summary>Calendar days, the day of arrival being day 0: Saturdays, Sundays and holidays count.</summary>
    CalendarDays,

    /// <summary>
    /// Calendar months under 1 § lagen (1930:173): the last day has the same number as the first, or is the
    /// last day of the month when that month is shorter.
    /// </summary>
    CalendarMonths,
}

/// <summary>How long a rule gives for the act: the same day, N calendar days or N calendar months.</summary>
public sealed record DeadlinePeriod
{
    private DeadlinePeriod(PeriodUnit unit, int length)
    {
        Unit = unit;
        Length = length;
    }

    public PeriodUnit Unit { get; }

    /// <summary>Number of days or months; 0 for <see cref="PeriodUnit.SameDay"/>.</summary>
    public int Length { get; }

    public static DeadlinePeriod SameDay { get; } = new(PeriodUnit.SameDay, 0);

    public static DeadlinePeriod Days(int days) => Of(PeriodUnit.CalendarDays, days);

    public static DeadlinePeriod Months(int months) => Of(PeriodUnit.CalendarMonths, months);

    /// <summary>A period from stored rule data.</summary>
    public static DeadlinePeriod Of(PeriodUnit unit, int length) => unit switch
    {
        PeriodUnit.SameDay when length == 0 => SameDay,
        PeriodUnit.SameDay => throw new DomainRuleException("En frist samma dag har ingen längd."),
        PeriodUnit.CalendarDays or PeriodUnit.CalendarMonths when length >= 1 => new DeadlinePeriod(unit, length),
        PeriodUnit.CalendarDays or PeriodUnit.CalendarMonths => throw new DomainRuleException("En frist i dagar eller månader måste vara minst 1."),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    /// <summary>The last day counted from <paramref name="start"/>, before any cut-off or move to a working day.</summary>
    internal DateOnly LastDayFrom(DateOnly start) => Unit switch
    {
        PeriodUnit.SameDay => start,
        PeriodUnit.CalendarDays => start.AddDays(Length),
        // DateOnly.AddMonths keeps the day number and clamps to the month's last day: exactly 1 § lagen (1930:173).
        PeriodUnit.CalendarMonths => start.AddMonths(Length),
        _ => throw new InvalidOperationException($"Okänd fristenhet {Unit}."),
    };

    public override string ToString() => Unit switch
    {
        PeriodUnit.SameDay => "samma dag",
        PeriodUnit.CalendarDays => $"{Length} dagar",
        _ => Length == 1 ? "1 månad" : $"{Length} månader",
    };
}
