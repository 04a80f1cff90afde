using Samordna.Core.Deadlines;

namespace Samordna.Core.Tests.Deadlines;

/// <summary>An adult investigation starts "utan dröjsmål": a target in days that the municipality sets.</summary>
public class AdultInvestigationStartDeadlineTests
{
    [Fact]
    public void The_default_target_is_fourteen_calendar_days_and_nyarsafton_is_not_moved()
    {
        var deadline = DeadlineCalculator.Calculate(DefaultDeadlineRules.RuleSet, DeadlineKey.AdultInvestigationStart,
            SwedishClock.At(2026, 12, 17, 9, 0));
        deadline.DueDate.ShouldBe(new DateOnly(2026, 12, 31));
        deadline.LegalBasis.ShouldContain("utan dröjsmål");
    }

    [Fact]
    public void A_municipality_may_set_a_shorter_target()
    {
        var fiveDays = new DeadlineRule(DeadlineKey.AdultInvestigationStart, "Inleda utredning (vuxen)", "SoL 2025:400",
            "SoL (2025:400), motsvarande 11 kap. 1 § i 2001 års lag: utan dröjsmål (kommunens mål: 5 dagar)",
            new DateOnly(2025, 7, 1), DeadlineStart.MatterReceived, DeadlinePeriod.Days(5));
        DeadlineCalculator.Calculate(fiveDays, SwedishClock.At(2026, 12, 17, 9, 0)).DueDate.ShouldBe(new DateOnly(2026, 12, 22));
    }
}
