using System.Text.RegularExpressions;

namespace Samordna.Core.Deadlines;

/// <summary>
/// Names one kind of deadline across statute versions, so "the förhandsbedömning deadline" stays the same
/// thing when a new law renumbers its paragraph. Lower-case words separated by dots and hyphens.
/// </summary>
public sealed partial record DeadlineKey
{
    /// <summary>Skyddsbedömning: whether a child reported to the committee needs immediate protection.</summary>
    public static readonly DeadlineKey ChildProtectionAssessment = new("child.protection-assessment");

    /// <summary>Förhandsbedömning: the decision to open or not open an investigation about a child.</summary>
    public static readonly DeadlineKey ChildPreliminaryAssessment = new("child.preliminary-assessment");

    /// <summary>Barnutredning: the investigation about a child, finished within four months.</summary>
    public static readonly DeadlineKey ChildInvestigation = new("child.investigation");

    /// <summary>Opening an investigation about an adult "utan dröjsmål".</summary>
    public static readonly DeadlineKey AdultInvestigationStart = new("adult.investigation-start");

    public DeadlineKey(string value)
    {
        if (value is null || !Shape().IsMatch(value))
            throw new DomainRuleException(
                $"Fristnyckeln \"{value}\" ska bestå av små bokstäver och siffror åtskilda av punkt eller bindestreck, t.ex. child.investigation.");
        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;

    [GeneratedRegex(@"^[a-z0-9]+([.-][a-z0-9]+)*$")]
    private static partial Regex Shape();
}
