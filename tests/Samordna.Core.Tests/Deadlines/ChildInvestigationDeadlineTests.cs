using Samordna.Core.Deadlines;

namespace Samordna.Core.Tests.Deadlines;

/// <summary>Barnutredning: finished within four calendar months of the decision to investigate, unless extended.</summary>
public class ChildInvestigationDeadlineTests
{
    private static readonly DateTimeOffset Opened = SwedishClock.At(2026, 3, 2, 10, 0); // Monday

    private static DeadlineRule Rule(bool movesToWorkingDay) =>
        new(DeadlineKey.ChildInvestigation, "Barnutredning", "SoL 2025:400",
            "SoL (2025:400), motsvarande 11 kap. 2 § i 2001 års lag", new DateOnly(2025, 7, 1),
            DeadlineStart.InvestigationOpened, DeadlinePeriod.Months(4), movesToWorkingDay: movesToWorkingDay,
            allowsExtension: true);

    private static Deadline Default(DateTimeOffset opened, Extension? extension = null) =>
        DeadlineCalculator.Calculate(DefaultDeadlineRules.RuleSet, DeadlineKey.ChildInvestigation, opened, extension);

    [Fact]
    public void The_investigation_is_due_four_months_after_it_was_opened_on_the_same_day_number()
    {
        var deadline = Default(Opened);
        deadline.DueDate.ShouldBe(new DateOnly(2026, 7, 2));
        deadline.Extension.ShouldBeNull();
        deadline.DueDateBeforeExtension.ShouldBeNull();
    }

    [Fact]
    public void Four_months_from_31_October_end_on_the_last_day_of_February()
    {
        Default(SwedishClock.At(2025, 10, 31, 10, 0)).DueDate.ShouldBe(new DateOnly(2026, 2, 28));
        Default(SwedishClock.At(2027, 10, 31, 10, 0)).DueDate.ShouldBe(new DateOnly(2028, 2, 29)); // leap year
    }

    [Fact]
    public void The_last_day_of_february_on_a_saturday_moves_into_march_only_when_the_rule_says_so()
    {
        var opened = SwedishClock.At(2025, 10, 31, 10, 0);
        DeadlineCalculator.Calculate(Rule(movesToWorkingDay: false), opened).DueDate.ShouldBe(new DateOnly(2026, 2, 28));
        DeadlineCalculator.Calculate(Rule(movesToWorkingDay: true), opened).DueDate.ShouldBe(new DateOnly(2026, 3, 2));
    }

    [Fact]
    public void A_last_day_on_trettondedag_jul_stays_or_moves_to_the_next_day()
    {
        var opened = SwedishClock.At(2025, 9, 6, 10, 0);
        DeadlineCalculator.Calculate(Rule(movesToWorkingDay: false), opened).DueDate.ShouldBe(new DateOnly(2026, 1, 6));
        var moved = DeadlineCalculator.Calculate(Rule(movesToWorkingDay: true), opened);
        moved.DueDate.ShouldBe(new DateOnly(2026, 1, 7));
        moved.MovedFrom.ShouldBe(new DateOnly(2026, 1, 6));
    }

    [Fact]
    public void A_last_day_on_julafton_stays_or_moves_past_christmas_and_the_weekend()
    {
        var opened = SwedishClock.At(2026, 8, 24, 10, 0);
        DeadlineCalculator.Calculate(Rule(movesToWorkingDay: false), opened).DueDate.ShouldBe(new DateOnly(2026, 12, 24));
        var moved = DeadlineCalculator.Calculate(Rule(movesToWorkingDay: true), opened);
        moved.DueDate.ShouldBe(new DateOnly(2026, 12, 28));
        moved.MovedFrom.ShouldBe(new DateOnly(2026, 12, 24));
    }

    [Fact]
    public void An_extension_to_a_date_moves_the_due_date_to_that_date()
    {
        var extension = Extension.ToDate(new DateOnly(2026, 9, 15), SwedishClock.At(2026, 6, 20, 10, 0), "Utlåtande från BUP dröjer");
        var deadline = Default(Opened, extension);
        deadline.DueDate.ShouldBe(new DateOnly(2026, 9, 15));
        deadline.DueDateBeforeExtension.ShouldBe(new DateOnly(2026, 7, 2));
        deadline.Extension.ShouldBe(extension);
        deadline.ExtensionDecidedAfterExpiry.ShouldBeFalse();
    }

    [Fact]
    public void An_extension_to_a_period_counts_the_whole_period_from_the_opening() =>
        Default(Opened, Extension.ToPeriod(DeadlinePeriod.Months(6), SwedishClock.At(2026, 6, 20, 10, 0), "Utlåtande från BUP dröjer"))
            .DueDate.ShouldBe(new DateOnly(2026, 9, 2));

    [Fact]
    public void An_extended_period_settles_its_last_day_like_the_rule_s_own()
    {
        var extension = Extension.ToPeriod(DeadlinePeriod.Months(5), SwedishClock.At(2026, 6, 20, 10, 0), "Tolk saknas");
        var deadline = DeadlineCalculator.Calculate(Rule(movesToWorkingDay: true), Opened, extension);
        deadline.DueDate.ShouldBe(new DateOnly(2026, 8, 3));
        deadline.MovedFrom.ShouldBe(new DateOnly(2026, 8, 2));
    }

    [Fact]
    public void A_day_named_in_the_extension_decision_is_kept_even_on_a_saturday()
    {
        var extension = Extension.ToDate(new DateOnly(2026, 9, 19), SwedishClock.At(2026, 6, 20, 10, 0), "Tolk saknas");
        var deadline = DeadlineCalculator.Calculate(Rule(movesToWorkingDay: true), Opened, extension);
        deadline.DueDate.ShouldBe(new DateOnly(2026, 9, 19));
        deadline.WasMovedToWorkingDay.ShouldBeFalse();
    }

    [Fact]
    public void An_extension_must_give_a_later_day_than_the_four_months() =>
        // "Two more months" entered as a period would end before the four months: refused, not silently shortened.
        Should.Throw<DomainRuleException>(() => Default(Opened,
            Extension.ToPeriod(DeadlinePeriod.Months(2), SwedishClock.At(2026, 4, 20, 10, 0), "Två månader till")));

    [Fact]
    public void An_extension_needs_its_reasons() =>
        Should.Throw<DomainRuleException>(() => Extension.ToDate(new DateOnly(2026, 9, 15), SwedishClock.At(2026, 6, 20, 10, 0), " "));

    [Fact]
    public void An_extension_cannot_be_decided_before_the_investigation_was_opened() =>
        Should.Throw<DomainRuleException>(() => Default(Opened,
            Extension.ToDate(new DateOnly(2026, 9, 15), SwedishClock.At(2026, 3, 1, 10, 0), "Utlåtande från BUP dröjer")));

    [Fact]
    public void An_extension_decided_after_the_last_day_in_Swedish_time_is_marked_as_late()
    {
        var lastEvening = Extension.ToDate(new DateOnly(2026, 9, 15), SwedishClock.Utc(2026, 7, 2, 21, 30), "Sent beslut"); // 23:30 on 2 July
        Default(Opened, lastEvening).ExtensionDecidedAfterExpiry.ShouldBeFalse();
        var nextMorning = Extension.ToDate(new DateOnly(2026, 9, 15), SwedishClock.Utc(2026, 7, 2, 22, 0), "Sent beslut");  // 00:00 on 3 July
        Default(Opened, nextMorning).ExtensionDecidedAfterExpiry.ShouldBeTrue();
    }

    [Fact]
    public void Without_an_extension_the_investigation_is_overdue_after_four_months_and_with_one_it_is_not()
    {
        var tenthOfJuly = new DateOnly(2026, 7, 10);
        Default(Opened).StatusOn(tenthOfJuly, done: false).ShouldBe(DeadlineStatus.Overdue);
        var extended = Default(Opened, Extension.ToDate(new DateOnly(2026, 9, 15), SwedishClock.At(2026, 6, 20, 10, 0), "Utlåtande från BUP dröjer"));
        extended.StatusOn(tenthOfJuly, done: false).ShouldBe(DeadlineStatus.Later);
    }
}
