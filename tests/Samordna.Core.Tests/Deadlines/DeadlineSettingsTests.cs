using Samordna.Core.Deadlines;

namespace Samordna.Core.Tests.Deadlines;

public class DeadlineSettingsTests
{
    private static DeadlineRuleSet With(string key, DeadlineRuleOverride change) =>
        new DeadlineSettings { Rules = { [key] = change } }.Apply(DefaultDeadlineRules.Rules);

    [Fact]
    public void A_municipality_can_set_an_earlier_cut_off_for_the_protection_assessment()
    {
        // 15:30 Swedish time on a winter Wednesday: in time today with the default 16:00, tomorrow with 15:00.
        var arrived = new DateTimeOffset(2026, 1, 14, 14, 30, 0, TimeSpan.Zero);
        DeadlineCalculator.Calculate(DefaultDeadlineRules.RuleSet, DeadlineKey.ChildProtectionAssessment, arrived).DueDate.ShouldBe(new DateOnly(2026, 1, 14));
        var early = With("child.protection-assessment", new DeadlineRuleOverride { CutOff = new TimeOnly(15, 0) });
        DeadlineCalculator.Calculate(early, DeadlineKey.ChildProtectionAssessment, arrived).DueDate.ShouldBe(new DateOnly(2026, 1, 15));
    }

    [Fact]
    public void Moving_a_last_day_to_the_next_working_day_is_a_setting_of_each_rule()
    {
        // Arrived Saturday 2026-01-03: 14 days later is Saturday 2026-01-17; moved, Monday 2026-01-19.
        var arrived = new DateTimeOffset(2026, 1, 3, 10, 0, 0, TimeSpan.Zero);
        DeadlineCalculator.Calculate(DefaultDeadlineRules.RuleSet, DeadlineKey.ChildPreliminaryAssessment, arrived).DueDate.ShouldBe(new DateOnly(2026, 1, 17));
        var moving = With("child.preliminary-assessment", new DeadlineRuleOverride { MovesToWorkingDay = true });
        DeadlineCalculator.Calculate(moving, DeadlineKey.ChildPreliminaryAssessment, arrived).DueDate.ShouldBe(new DateOnly(2026, 1, 19));
    }

    [Fact]
    public void The_local_target_for_adults_can_change_but_a_statutory_period_cannot()
    {
        var arrived = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var week = With("adult.investigation-start", new DeadlineRuleOverride { Days = 7 });
        DeadlineCalculator.Calculate(week, DeadlineKey.AdultInvestigationStart, arrived).DueDate.ShouldBe(new DateOnly(2026, 3, 9));
        Should.Throw<InvalidOperationException>(() => With("child.preliminary-assessment", new DeadlineRuleOverride { Days = 30 }));
        Should.Throw<InvalidOperationException>(() => With("no.such-rule", new DeadlineRuleOverride { MovesToWorkingDay = true }));
    }

    [Fact]
    public void The_protection_assessment_cannot_be_set_to_move_to_a_working_day_because_it_is_due_at_once()
    {
        var refused = Should.Throw<InvalidSettingException>(() =>
            With("child.protection-assessment", new DeadlineRuleOverride { MovesToWorkingDay = true }));
        refused.Message.ShouldStartWith("Samordna:Deadlines:Rules:child.protection-assessment:MovesToWorkingDay = true: must be false");
        refused.Message.ShouldContain("genast");
        // Saying explicitly what is already true is no problem.
        With("child.protection-assessment", new DeadlineRuleOverride { MovesToWorkingDay = false }).ShouldNotBeNull();
    }

    [Fact]
    public void An_unknown_rule_is_refused_naming_it_and_the_rules_there_are() =>
        Should.Throw<InvalidSettingException>(() => With("child.protection", new DeadlineRuleOverride { CutOff = new TimeOnly(15, 0) }))
            .Message.ShouldBe("Samordna:Deadlines:Rules:child.protection: is not a deadline rule; the rules are adult.investigation-start, " +
                              "child.investigation, child.preliminary-assessment, child.protection-assessment");

    [Theory]
    [InlineData("adult.investigation-start", 0, "Samordna:Deadlines:Rules:adult.investigation-start:Days = 0: must be between 1 and 90")]
    [InlineData("adult.investigation-start", 91, "Samordna:Deadlines:Rules:adult.investigation-start:Days = 91: must be between 1 and 90")]
    [InlineData("child.investigation", 5, "Samordna:Deadlines:Rules:child.investigation:Days = 5: cannot be set")]
    public void A_period_outside_what_may_be_set_names_the_setting_and_the_value(string rule, int days, string message) =>
        Should.Throw<InvalidSettingException>(() => With(rule, new DeadlineRuleOverride { Days = days })).Message.ShouldStartWith(message);

    [Fact]
    public void A_cut_off_on_a_rule_counted_in_days_is_refused() =>
        Should.Throw<InvalidSettingException>(() => With("child.preliminary-assessment", new DeadlineRuleOverride { CutOff = new TimeOnly(15, 0) }))
            .Message.ShouldStartWith("Samordna:Deadlines:Rules:child.preliminary-assessment:CutOff = 15:00: cannot be set");
}
