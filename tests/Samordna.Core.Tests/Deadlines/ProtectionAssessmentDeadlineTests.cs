using Samordna.Core.Deadlines;

namespace Samordna.Core.Tests.Deadlines;

/// <summary>Skyddsbedömning: the day the report arrives, the next day when it arrives at or after the cut-off (16:00).</summary>
public class ProtectionAssessmentDeadlineTests
{
    private static Deadline Arriving(DateTimeOffset arrival) =>
        DeadlineCalculator.Calculate(DefaultDeadlineRules.RuleSet, DeadlineKey.ChildProtectionAssessment, arrival);

    [Fact]
    public void A_winter_report_at_15_59_is_assessed_the_same_day()
    {
        var arrival = SwedishClock.At(2026, 1, 14, 15, 59);
        arrival.ShouldBe(SwedishClock.Utc(2026, 1, 14, 14, 59)); // CET, UTC+1
        Arriving(arrival).DueDate.ShouldBe(new DateOnly(2026, 1, 14));
    }

    [Fact]
    public void A_winter_report_at_16_01_is_assessed_the_next_day()
    {
        var arrival = SwedishClock.At(2026, 1, 14, 16, 1);
        arrival.ShouldBe(SwedishClock.Utc(2026, 1, 14, 15, 1));
        Arriving(arrival).DueDate.ShouldBe(new DateOnly(2026, 1, 15));
    }

    [Fact]
    public void A_summer_report_at_15_59_is_assessed_the_same_day()
    {
        var arrival = SwedishClock.At(2026, 6, 15, 15, 59);
        arrival.ShouldBe(SwedishClock.Utc(2026, 6, 15, 13, 59)); // CEST, UTC+2
        Arriving(arrival).DueDate.ShouldBe(new DateOnly(2026, 6, 15));
    }

    [Fact]
    public void A_summer_report_at_16_01_is_assessed_the_next_day()
    {
        var arrival = SwedishClock.At(2026, 6, 15, 16, 1);
        arrival.ShouldBe(SwedishClock.Utc(2026, 6, 15, 14, 1));
        Arriving(arrival).DueDate.ShouldBe(new DateOnly(2026, 6, 16));
    }

    [Fact]
    public void A_report_at_the_cut_off_itself_is_assessed_the_next_day() =>
        Arriving(SwedishClock.Utc(2026, 1, 14, 15, 0)).DueDate.ShouldBe(new DateOnly(2026, 1, 15));

    [Fact]
    public void The_cut_off_is_Swedish_wall_clock_time_on_either_side_of_the_spring_change()
    {
        // The same UTC time of day: 15:30 CET on Saturday, 16:30 CEST on Sunday after clocks went forward.
        Arriving(SwedishClock.Utc(2026, 3, 28, 14, 30)).DueDate.ShouldBe(new DateOnly(2026, 3, 28));
        Arriving(SwedishClock.Utc(2026, 3, 29, 14, 30)).DueDate.ShouldBe(new DateOnly(2026, 3, 30));
    }

    [Fact]
    public void A_report_at_23_30_UTC_on_the_night_before_the_spring_change_belongs_to_the_Swedish_Sunday()
    {
        var deadline = Arriving(SwedishClock.Utc(2026, 3, 28, 23, 30)); // 00:30 CET on 29 March
        deadline.StartDay.ShouldBe(new DateOnly(2026, 3, 29));
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 29));
    }

    [Fact]
    public void A_report_at_23_30_UTC_on_the_day_of_the_spring_change_belongs_to_the_Swedish_Monday()
    {
        var deadline = Arriving(SwedishClock.Utc(2026, 3, 29, 23, 30)); // 01:30 CEST on 30 March
        deadline.StartDay.ShouldBe(new DateOnly(2026, 3, 30));
        deadline.DueDate.ShouldBe(new DateOnly(2026, 3, 30));
    }

    [Fact]
    public void Protection_never_waits_for_a_working_day()
    {
        var deadline = Arriving(SwedishClock.At(2026, 6, 19, 17, 0)); // midsommarafton, after the cut-off
        deadline.DueDate.ShouldBe(new DateOnly(2026, 6, 20));           // midsommardagen
        deadline.WasMovedToWorkingDay.ShouldBeFalse();
    }

    [Fact]
    public void The_cut_off_is_the_municipality_s_setting()
    {
        var earlier = new DeadlineRule(DeadlineKey.ChildProtectionAssessment, "Skyddsbedömning", "SoL 2025:400",
            "SoL (2025:400), motsvarande 11 kap. 1 a § i 2001 års lag", new DateOnly(2025, 7, 1),
            DeadlineStart.MatterReceived, DeadlinePeriod.SameDay, cutOff: new TimeOnly(15, 0));
        DeadlineCalculator.Calculate(earlier, SwedishClock.At(2026, 1, 14, 15, 30)).DueDate.ShouldBe(new DateOnly(2026, 1, 15));
        DeadlineCalculator.Calculate(earlier, SwedishClock.At(2026, 1, 14, 14, 59)).DueDate.ShouldBe(new DateOnly(2026, 1, 14));
    }

    [Fact]
    public void A_protection_assessment_cannot_be_extended() =>
        Should.Throw<DomainRuleException>(() => DeadlineCalculator.Calculate(DefaultDeadlineRules.RuleSet, DeadlineKey.ChildProtectionAssessment,
            SwedishClock.At(2026, 1, 14, 10, 0), Extension.ToDate(new DateOnly(2026, 1, 20), SwedishClock.At(2026, 1, 14, 11, 0), "Hög arbetsbelastning")));

    [Fact]
    public void A_report_on_a_Friday_at_16_01_is_assessed_on_the_Saturday_not_the_Monday()
    {
        var deadline = Arriving(SwedishClock.At(2026, 12, 4, 16, 1));
        deadline.DueDate.ShouldBe(new DateOnly(2026, 12, 5));
        deadline.WasMovedToWorkingDay.ShouldBeFalse();
    }

    [Theory]
    [InlineData(25, 26)] // skärtorsdagen after the cut-off: långfredagen, a public holiday
    [InlineData(26, 27)] // långfredagen after the cut-off: påskafton, not the Tuesday after annandag påsk
    [InlineData(27, 28)] // påskafton: påskdagen
    [InlineData(28, 29)] // påskdagen: annandag påsk
    public void Over_Easter_2027_a_late_report_is_assessed_the_next_calendar_day(int arrivedOnMarch, int dueOnMarch)
    {
        var deadline = Arriving(SwedishClock.At(2027, 3, arrivedOnMarch, 16, 1));
        deadline.DueDate.ShouldBe(new DateOnly(2027, 3, dueOnMarch));
        deadline.WasMovedToWorkingDay.ShouldBeFalse();
    }

    [Fact]
    public void No_default_rule_that_is_due_at_once_moves_to_a_working_day() =>
        DefaultDeadlineRules.Rules.Where(r => r.IsImmediate).ShouldAllBe(r => !r.MovesToWorkingDay);

    [Fact]
    public void A_rule_due_at_once_cannot_be_made_to_move_to_a_working_day()
    {
        Should.Throw<DomainRuleException>(() => new DeadlineRule(DeadlineKey.ChildProtectionAssessment, "Skyddsbedömning", "SoL 2025:400",
            "SoL (2025:400), motsvarande 11 kap. 1 a § i 2001 års lag", new DateOnly(2025, 7, 1),
            DeadlineStart.MatterReceived, DeadlinePeriod.SameDay, cutOff: new TimeOnly(16, 0), movesToWorkingDay: true)).Message.ShouldContain("genast");
        // The control: a rule counted in days may move.
        new DeadlineRule(DeadlineKey.ChildPreliminaryAssessment, "Förhandsbedömning", "SoL 2025:400", "SoL (2025:400)", new DateOnly(2025, 7, 1),
            DeadlineStart.MatterReceived, DeadlinePeriod.Days(14), movesToWorkingDay: true).MovesToWorkingDay.ShouldBeTrue();
    }
}
