namespace Samordna.Core.Deadlines;

/// <summary>
/// Förlängning: the committee's recorded decision to give the act more time, e.g. to extend a child
/// investigation beyond four months for särskilda skäl. Either a new period, counted from the same start as
/// the rule's own period (six months instead of four), or a new last day named in the decision.
/// </summary>
public sealed record Extension
{
    private Extension(DeadlinePeriod? newPeriod, DateOnly? newDueDate, DateTimeOffset decidedAt, string? reason)
    {
        if (newPeriod is { Unit: PeriodUnit.SameDay })
            throw new DomainRuleException("En förlängning anges i dagar eller månader, inte som samma dag.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("Ett beslut om förlängning måste ange skälen.");
        NewPeriod = newPeriod;
        NewDueDate = newDueDate;
        DecidedAt = decidedAt;
        Reason = reason.Trim();
    }

    /// <summary>The whole period, counted from the original start, that replaces the rule's period.</summary>
    public DeadlinePeriod? NewPeriod { get; }

    /// <summary>The last day named in the decision (a Swedish calendar day), taken as decided.</summary>
    public DateOnly? NewDueDate { get; }

    public DateTimeOffset DecidedAt { get; }

    /// <summary>Skälen: why the committee needed more time.</summary>
    public string Reason { get; }

    public static Extension ToPeriod(DeadlinePeriod newPeriod, DateTimeOffset decidedAt, string reason) =>
        new(newPeriod ?? throw new ArgumentNullException(nameof(newPeriod)), null, decidedAt, reason);

    public static Extension ToDate(DateOnly newDueDate, DateTimeOffset decidedAt, string reason) =>
        new(null, newDueDate, decidedAt, reason);
}
