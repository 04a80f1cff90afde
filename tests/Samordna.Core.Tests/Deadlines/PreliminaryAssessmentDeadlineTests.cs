using Samordna.Core.Deadlines;

namespace Samordna.Core.Tests.Deadlines;

/// <summary>Förhandsbedömning: 14 calendar days from the day the report arrived (day 0).</summary>
public class PreliminaryAssessmentDeadlineTests
{
    private static DeadlineRule Rule(bool movesToWorkingDay) =>
        new(DeadlineKey.ChildPreliminaryAssessment, "Förhandsbedömning", "SoL 2025:400",
            "SoL (2025:400), motsvarande 11 kap. 1 a § i 2001 års lag", new DateOnly(2025, 7, 1),
            DeadlineStart.MatterReceived, DeadlinePeriod.Days(14), movesToWorkingDay: movesToWorkingDay);

    private static Deadline Default(DateTimeOffset arrival) =>
        DeadlineCalculator.Calculate(DefaultDeadlineRules.RuleSet, DeadlineKey.ChildPreliminaryAssessment, arrival);

    [Fact]
    public void The_decision_is_due_fourteen_calendar_days_after_the_day_the_report_arrived()
    {
        var deadline = Default(SwedishClock.At(2026, 1, 14, 10, 0));
        deadline.StartDay.ShouldBe(new DateOnly(2026, 1, 14));
        deadline.DueDate.ShouldBe(new DateOnly(2026, 1, 28));
        deadline.RuleKey.ShouldBe(DeadlineKey.ChildPreliminaryAssessment);
        deadline.LegalBasis.ShouldStartWith("SoL (2025:400), motsvarande 11 kap. 1 a §");
    }

    [Fact]
    public void A_report_late_in_the_evening_still_counts_from_its_own_day() =>
        Default(SwedishClock.At(2026, 1, 14, 23, 45)).DueDate.ShouldBe(new DateOnly(2026, 1, 28));

    [Fact]
    public void A_last_day_on_a_saturday_stays_when_the_rule_does_not_move_it()
    {
        var deadline = DeadlineCalculator.Calculate(Rule(movesToWorkingDay: false), SwedishClock.At(2026, 2, 7, 10, 0));
        deadline.DueDate.ShouldBe(new DateOnly(2026, 2, 21));
        deadline.WasMovedToWorkingDay.ShouldBeFalse();
        deadline.MovedFrom.ShouldBeNull();
    }

    [Fact]
    public void A_last_day_on_a_saturday_moves_to_monday_when_the_rule_moves_it()
    {
        var deadline = DeadlineCalculator.Calculate(Rule(movesToWorkingDay: true), SwedishClock.At(2026, 2, 7, 10, 0));
        deadline.DueDate.ShouldBe(new DateOnly(2026, 2, 23));
        deadline.MovedFrom.ShouldBe(new DateOnly(2026, 2, 21));
    }

    [Fact]
    public void A_last_day_on_midsommarafton_stays_or_moves_past_the_midsummer_weekend()
    {
        var arrival = SwedishClock.At(2026, 6, 5, 10, 0);
        DeadlineCalculator.Calculate(Rule(movesToWorkingDay: false), arrival).DueDate.ShouldBe(new DateOnly(2026, 6, 19));
        var moved = DeadlineCalculator.Calculate(Rule(movesToWorkingDay: true), arrival);
        moved.DueDate.ShouldBe(new DateOnly(2026, 6, 22));
        moved.MovedFrom.ShouldBe(new DateOnly(2026, 6, 19));
    }

    [Fact]
    public void A_last_day_on_midsommardagen_stays_or_moves_to_the_monday()
    {
        var arrival = SwedishClock.At(2026, 6, 6, 10, 0);
        DeadlineCalculator.Calculate(Rule(movesToWorkingDay: false), arrival).DueDate.ShouldBe(new DateOnly(2026, 6, 20));
        var moved = DeadlineCalculator.Calculate(Rule(movesToWorkingDay: true), arrival);
        moved.DueDate.ShouldBe(new DateOnly(2026, 6, 22));
        moved.MovedFrom.ShouldBe(new DateOnly(2026, 6, 20));
    }

    [Fact]
    public void The_default_rule_does_not_move_a_last_day_on_a_weekend() =>
        Default(SwedishClock.At(2026, 2, 7, 10, 0)).DueDate.ShouldBe(new DateOnly(2026, 2, 21));

    [Fact]
    public void The_same_UTC_time_falls_on_different_Swedish_days_either_side_of_the_spring_change()
    {
        var saturday = Default(SwedishClock.Utc(2026, 3, 28, 22, 30));  // 23:30 CET on 28 March
        saturday.StartDay.ShouldBe(new DateOnly(2026, 3, 28));
        saturday.DueDate.ShouldBe(new DateOnly(2026, 4, 11));

        var sunday = Default(SwedishClock.Utc(2026, 3, 29, 22, 30));    // 00:30 CEST on 30 March
        sunday.StartDay.ShouldBe(new DateOnly(2026, 3, 30));
        sunday.DueDate.ShouldBe(new DateOnly(2026, 4, 13));
    }

    [Fact]
    public void Both_22_30_UTC_instants_around_the_autumn_change_are_the_Swedish_25_October()
    {
        var before = Default(SwedishClock.Utc(2026, 10, 24, 22, 30)); // 00:30 CEST on 25 October
        var after = Default(SwedishClock.Utc(2026, 10, 25, 22, 30));  // 23:30 CET on 25 October
        before.StartDay.ShouldBe(new DateOnly(2026, 10, 25));
        after.StartDay.ShouldBe(new DateOnly(2026, 10, 25));
        before.DueDate.ShouldBe(new DateOnly(2026, 11, 8));
        after.DueDate.ShouldBe(new DateOnly(2026, 11, 8));
    }

    [Fact]
    public void The_default_preliminary_assessment_takes_no_extension() =>
        Should.Throw<DomainRuleException>(() => DeadlineCalculator.Calculate(DefaultDeadlineRules.RuleSet,
            DeadlineKey.ChildPreliminaryAssessment, SwedishClock.At(2026, 1, 14, 10, 0),
            Extension.ToPeriod(DeadlinePeriod.Days(21), SwedishClock.At(2026, 1, 20, 10, 0), "Familjen har inte gått att nå")));
}
