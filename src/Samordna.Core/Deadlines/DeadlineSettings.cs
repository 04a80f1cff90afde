namespace Samordna.Core.Deadlines;

/// <summary>
/// A municipality's settings for the deadline rules, from configuration section <c>Samordna:Deadlines</c>,
/// applied to every statute version of a rule: for example
/// <c>"Rules": { "child.protection-assessment": { "CutOff": "15:00" }, "child.preliminary-assessment": { "MovesToWorkingDay": true },
/// "adult.investigation-start": { "Days": 7 } }</c>. Statutory periods cannot be changed here; the
/// local target for opening an adult investigation can.
/// </summary>
public sealed class DeadlineSettings
{
    public const string Section = "Samordna:Deadlines";

    public Dictionary<string, DeadlineRuleOverride> Rules { get; set; } = [];

    /// <summary>The rule set in force: the defaults with this municipality's settings applied.</summary>
    public DeadlineRuleSet Apply(IEnumerable<DeadlineRule> defaults)
    {
        var keys = defaults.Select(r => r.Key.Value).ToHashSet();
        if (Rules.Keys.Where(k => !keys.Contains(k)).Order(StringComparer.Ordinal).FirstOrDefault() is { } unknown)
            throw new InvalidSettingException($"{Section}:Rules:{unknown}", null,
                $"is not a deadline rule; the rules are {string.Join(", ", keys.Order(StringComparer.Ordinal))}");
        return new DeadlineRuleSet(defaults.Select(rule => Rules.TryGetValue(rule.Key.Value, out var change) ? change.ApplyTo(rule) : rule));
    }
}

public sealed class DeadlineRuleOverride
{
    /// <summary>Whether a last day on a non-working day moves to the next working day (lagen (1930:173)).</summary>
    public bool? MovesToWorkingDay { get; set; }

    /// <summary>For same-day rules: the Swedish local time after which a matter counts from the next day.</summary>
    public TimeOnly? CutOff { get; set; }

    /// <summary>Only for the local target <see cref="DeadlineKey.AdultInvestigationStart"/>: its number of days.</summary>
    public int? Days { get; set; }

    public DeadlineRule ApplyTo(DeadlineRule rule)
    {
        var setting = $"{DeadlineSettings.Section}:Rules:{rule.Key}";
        if (Days is not null && rule.Key != DeadlineKey.AdultInvestigationStart)
            throw new InvalidSettingException($"{setting}:Days", $"{Days}",
                $"cannot be set: {rule.Title.ToLowerInvariant()} has a statutory period; only {DeadlineKey.AdultInvestigationStart}:Days is a local target");
        if (Days is < 1 or > 90)
            throw new InvalidSettingException($"{setting}:Days", $"{Days}", "must be between 1 and 90");
        if (CutOff is { } cutOff && !rule.IsImmediate)
            throw new InvalidSettingException($"{setting}:CutOff", cutOff.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                $"cannot be set: a cut-off applies only to a rule due the same day, and {rule.Key} runs {rule.Period}");
        if (MovesToWorkingDay == true && rule.IsImmediate)
            throw new InvalidSettingException($"{setting}:MovesToWorkingDay", "true",
                $"must be false: {rule.Title.ToLowerInvariant()} is due at once (\"genast\"), the same day or after the cut-off the next, " +
                "never moved past a weekend or holiday to a working day");
        return new DeadlineRule(rule.Key, rule.Title, rule.StatuteVersion, rule.LegalBasis, rule.ValidFrom, rule.CountsFrom,
            Days is { } days ? DeadlinePeriod.Days(days) : rule.Period, CutOff ?? rule.CutOff, MovesToWorkingDay ?? rule.MovesToWorkingDay,
            rule.AllowsExtension);
    }
}
