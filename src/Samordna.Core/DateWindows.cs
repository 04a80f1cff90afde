using FluentValidation;
using FluentValidation.Results;

namespace Samordna.Core;

/// <summary>
/// The one place that says which dates are plausible, per kind of field, so a typing error or a hostile
/// client cannot store year 0001 (a wait of 739,953 days at the head of the queue) or 9999. Validators
/// use the rules below; a period read from a query string uses <see cref="RequirePeriodDay"/>.
/// </summary>
public static class DateWindows
{
    /// <summary>The earliest birth date of a living person worth registering.</summary>
    public static readonly DateOnly EarliestBirthDate = new(1890, 1, 1);

    /// <summary>
    /// The earliest moment of work recorded here (a report received, a talk held, a referral, a police
    /// event, consent given): older matters are not registered as new work in this system.
    /// </summary>
    public static readonly DateTimeOffset EarliestEvent = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Clocks differ a little between the user's device and the server.</summary>
    public static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(5);

    /// <summary>How far ahead a period (statistics, an audit search) may reach: the end of a planning year.</summary>
    public static readonly TimeSpan PeriodAhead = TimeSpan.FromDays(366);

    public const string FutureMessage = "Tidpunkten kan inte ligga i framtiden.";

    /// <summary>Something that has happened: not before <see cref="EarliestEvent"/>, not in the future.</summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> HasHappened<T>(this IRuleBuilder<T, DateTimeOffset?> rule, TimeProvider clock,
        string futureMessage = FutureMessage) =>
        rule.Must(at => at is null || at.Value >= EarliestEvent).WithMessage($"Tidpunkten ligger före {EarliestEvent:yyyy-MM-dd}: kontrollera årtalet.")
            .Must(at => at is null || at.Value <= clock.GetUtcNow() + ClockSlack).WithMessage(futureMessage);

    /// <summary>A birth date: not before <see cref="EarliestBirthDate"/>, not after today.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> IsBirthDate<T>(this IRuleBuilder<T, DateOnly?> rule, TimeProvider clock) =>
        rule.Must(day => day is null || day.Value >= EarliestBirthDate).WithMessage($"Födelsedatumet ligger före {EarliestBirthDate:yyyy}: kontrollera årtalet.")
            .Must(day => day is null || day.Value <= SwedishTime.Today(clock)).WithMessage("Födelsedatumet ligger i framtiden.");

    /// <summary>A day that bounds a period to count or search: from 1970 to a year ahead.</summary>
    public static void RequirePeriodDay(DateOnly? day, string field, TimeProvider clock)
    {
        if (day is null) return;
        var latest = DateOnly.FromDateTime((clock.GetUtcNow() + PeriodAhead).UtcDateTime);
        if (day.Value < DateOnly.FromDateTime(EarliestEvent.UtcDateTime) || day.Value > latest)
            throw new ValidationException([new ValidationFailure(field,
                $"Ange ett datum mellan {EarliestEvent:yyyy-MM-dd} och {latest:yyyy-MM-dd}.")]);
    }

    /// <summary>An instant that bounds a period to search, by the same window as <see cref="RequirePeriodDay"/>.</summary>
    public static void RequirePeriodInstant(DateTimeOffset? at, string field, TimeProvider clock)
    {
        if (at is null) return;
        var latest = clock.GetUtcNow() + PeriodAhead;
        if (at.Value < EarliestEvent || at.Value > latest)
            throw new ValidationException([new ValidationFailure(field,
                $"Ange en tidpunkt mellan {EarliestEvent:yyyy-MM-dd} och {latest:yyyy-MM-dd}.")]);
    }
}
