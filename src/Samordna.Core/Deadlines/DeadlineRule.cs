namespace Samordna.Core.Deadlines;

/// <summary>The event a deadline is counted from; the caller passes the instant of this event.</summary>
public enum DeadlineStart
{
    /// <summary>An anmälan, ansökan or other information about the person reached the committee.</summary>
    MatterReceived,

    /// <summary>The committee decided to open an investigation (beslut att inleda utredning).</summary>
    InvestigationOpened,
}

/// <summary>
/// One statutory deadline as data: what is due, by which law, how long it runs and how its last day is
/// settled. Rules are keyed by <see cref="Key"/> and dated by <see cref="ValidFrom"/>, so when a new law
/// renumbers the paragraphs (the Socialtjänstlag of 2025) a new rule is entered beside the old one and
/// a matter is judged by the rule in force on the day it started.
/// </summary>
public sealed record DeadlineRule
{
    public DeadlineRule(DeadlineKey key, string title, string statuteVersion, string legalBasis, DateOnly validFrom,
        DeadlineStart countsFrom, DeadlinePeriod period, TimeOnly? cutOff = null, bool movesToWorkingDay = false,
        bool allowsExtension = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(period);
        if (period.Unit == PeriodUnit.SameDay && cutOff is null)
            throw new DomainRuleException($"Fristen {key} gäller samma dag och behöver en brytpunkt (klockslag) för när den flyttas till nästa dag.");
        if (period.Unit != PeriodUnit.SameDay && cutOff is not null)
            throw new DomainRuleException($"Fristen {key} räknas i {period} och kan inte ha en brytpunkt; den gäller bara frister samma dag.");
        // "Genast" leaves no room for lagen (1930:173): a report on a Friday at 16:01 is assessed on the Saturday, not the Monday.
        if (period.Unit == PeriodUnit.SameDay && movesToWorkingDay)
            throw new DomainRuleException($"Fristen {key} gäller genast (samma dag, efter brytpunkten nästa dag) och flyttas aldrig till nästa vardag.");

        Key = key;
        Title = Required(title, "en benämning", key);
        StatuteVersion = Required(statuteVersion, "en lagversion", key);
        LegalBasis = Required(legalBasis, "ett lagrum", key);
        ValidFrom = validFrom;
        CountsFrom = countsFrom;
        Period = period;
        CutOff = cutOff;
        MovesToWorkingDay = movesToWorkingDay;
        AllowsExtension = allowsExtension;
    }

    public DeadlineKey Key { get; }

    /// <summary>What the staff call the act, e.g. "Förhandsbedömning".</summary>
    public string Title { get; }

    /// <summary>The law the rule belongs to, e.g. "SoL 2001:453".</summary>
    public string StatuteVersion { get; }

    /// <summary>The provision, as a decision or a report cites it.</summary>
    public string LegalBasis { get; }

    /// <summary>First Swedish day on which a matter starting is judged by this rule.</summary>
    public DateOnly ValidFrom { get; }

    public DeadlineStart CountsFrom { get; }

    public DeadlinePeriod Period { get; }

    /// <summary>
    /// Only for same-day rules: a matter arriving at or after this Swedish local time is due the next day.
    /// The law says "genast"; the cut-off is the municipality's own line between office hours and the
    /// social emergency service (socialjouren), so it is data.
    /// </summary>
    public TimeOnly? CutOff { get; }

    /// <summary>
    /// Whether a last day on a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton moves
    /// to the next working day under 2 § lagen (1930:173) om beräkning av lagstadgad tid.
    /// </summary>
    /// <remarks>Never for a rule that must be met at once (<see cref="IsImmediate"/>): the constructor refuses it.</remarks>
    public bool MovesToWorkingDay { get; }

    /// <summary>
    /// Whether the act is due at once ("genast", e.g. the skyddsbedömning): the same day, or the next after the
    /// cut-off, whatever day of the week that is.
    /// </summary>
    public bool IsImmediate => Period.Unit == PeriodUnit.SameDay;

    /// <summary>Whether the committee may record a decision that gives the act more time (förlängning).</summary>
    public bool AllowsExtension { get; }

    private static string Required(string? text, string what, DeadlineKey key) =>
        string.IsNullOrWhiteSpace(text)
            ? throw new DomainRuleException($"Fristen {key} måste ha {what}.")
            : text.Trim();
}
