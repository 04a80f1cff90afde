namespace Samordna.Core.Deadlines;

/// <summary>The deadline rules a municipality works by, across statute versions.</summary>
public sealed class DeadlineRuleSet
{
    public DeadlineRuleSet(IEnumerable<DeadlineRule> rules)
    {
        Rules = rules.OrderBy(r => r.Key.Value, StringComparer.Ordinal).ThenBy(r => r.ValidFrom).ToList();
        var twice = Rules.GroupBy(r => (r.Key, r.ValidFrom)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new DomainRuleException(
                $"Fristen {twice.Key.Key} har två regler som gäller från {twice.Key.ValidFrom:yyyy-MM-dd}; bara en kan gälla en viss dag.");
    }

    public IReadOnlyList<DeadlineRule> Rules { get; }

    /// <summary>The rule for <paramref name="key"/> in force on a Swedish calendar day: the latest that had begun to apply.</summary>
    public DeadlineRule InForceOn(DeadlineKey key, DateOnly day) =>
        Rules.LastOrDefault(r => r.Key == key && r.ValidFrom <= day)
        ?? throw new DomainRuleException($"Ingen regel för fristen {key} gällde {day:yyyy-MM-dd}.");

    /// <summary>The rule for <paramref name="key"/> in force on the Swedish day of <paramref name="start"/>.</summary>
    public DeadlineRule InForceAt(DeadlineKey key, DateTimeOffset start) =>
        InForceOn(key, DeadlineCalculator.SwedishDay(start));
}
