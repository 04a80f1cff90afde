using Samordna.Core.Deadlines;

namespace Samordna.Core.Tests.Deadlines;

public class DeadlineRuleSetTests
{
    private static readonly DeadlineRuleSet Defaults = DefaultDeadlineRules.RuleSet;

    [Fact]
    public void A_matter_starting_on_30_June_2025_Swedish_time_is_judged_by_the_2001_law()
    {
        var lastMinute = SwedishClock.Utc(2025, 6, 30, 21, 59); // 23:59 CEST
        var rule = Defaults.InForceAt(DeadlineKey.ChildPreliminaryAssessment, lastMinute);
        rule.StatuteVersion.ShouldBe("SoL 2001:453");
        rule.LegalBasis.ShouldStartWith("11 kap. 1 a § SoL (2001:453)");
    }

    [Fact]
    public void A_matter_starting_at_midnight_on_1_July_2025_Swedish_time_is_judged_by_the_2025_law()
    {
        var midnight = SwedishClock.Utc(2025, 6, 30, 22, 0); // 00:00 CEST on 1 July
        var rule = Defaults.InForceAt(DeadlineKey.ChildPreliminaryAssessment, midnight);
        rule.StatuteVersion.ShouldBe("SoL 2025:400");
        rule.LegalBasis.ShouldStartWith("SoL (2025:400), motsvarande 11 kap. 1 a § i 2001 års lag");
    }

    [Fact]
    public void The_rule_is_chosen_by_the_start_so_a_deadline_running_over_the_change_keeps_the_old_law()
    {
        var deadline = DeadlineCalculator.Calculate(Defaults, DeadlineKey.ChildInvestigation, SwedishClock.At(2025, 5, 20, 10, 0));
        deadline.Rule.StatuteVersion.ShouldBe("SoL 2001:453");
        deadline.LegalBasis.ShouldStartWith("11 kap. 2 § SoL (2001:453)");
        deadline.DueDate.ShouldBe(new DateOnly(2025, 9, 20));
    }

    [Fact]
    public void Every_default_rule_exists_for_both_statute_versions_and_names_its_legal_basis()
    {
        var keys = new[]
        {
            DeadlineKey.ChildProtectionAssessment, DeadlineKey.ChildPreliminaryAssessment,
            DeadlineKey.ChildInvestigation, DeadlineKey.AdultInvestigationStart,
        };
        foreach (var key in keys)
        {
            Defaults.InForceOn(key, new DateOnly(2025, 6, 30)).StatuteVersion.ShouldBe("SoL 2001:453");
            Defaults.InForceOn(key, new DateOnly(2025, 7, 1)).StatuteVersion.ShouldBe("SoL 2025:400");
        }
        Defaults.Rules.Count.ShouldBe(8);
        Defaults.Rules.ShouldAllBe(r => r.LegalBasis.Contains("SoL"));
        Defaults.Rules.Where(r => r.StatuteVersion == "SoL 2025:400")
            .ShouldAllBe(r => r.LegalBasis.StartsWith("SoL (2025:400), motsvarande ") && r.LegalBasis.Contains("i 2001 års lag"));
    }

    [Fact]
    public void The_2025_law_keeps_the_periods_of_the_2001_law()
    {
        foreach (var old in Defaults.Rules.Where(r => r.StatuteVersion == "SoL 2001:453"))
        {
            var successor = Defaults.InForceOn(old.Key, new DateOnly(2025, 7, 1));
            successor.Period.ShouldBe(old.Period);
            successor.CutOff.ShouldBe(old.CutOff);
            successor.CountsFrom.ShouldBe(old.CountsFrom);
        }
    }

    [Fact]
    public void No_child_assessment_rule_applies_before_11_kap_1_a_section_came_into_force_in_2013()
    {
        Should.Throw<DomainRuleException>(() => Defaults.InForceOn(DeadlineKey.ChildPreliminaryAssessment, new DateOnly(2012, 12, 31)));
        Defaults.InForceOn(DeadlineKey.ChildPreliminaryAssessment, new DateOnly(2013, 1, 1)).StatuteVersion.ShouldBe("SoL 2001:453");
        Defaults.InForceOn(DeadlineKey.ChildInvestigation, new DateOnly(2010, 3, 1)).StatuteVersion.ShouldBe("SoL 2001:453");
    }

    [Fact]
    public void The_default_four_months_count_from_the_decision_to_investigate_the_others_from_the_report()
    {
        Defaults.InForceOn(DeadlineKey.ChildInvestigation, new DateOnly(2026, 1, 1)).CountsFrom.ShouldBe(DeadlineStart.InvestigationOpened);
        Defaults.InForceOn(DeadlineKey.ChildPreliminaryAssessment, new DateOnly(2026, 1, 1)).CountsFrom.ShouldBe(DeadlineStart.MatterReceived);
        Defaults.InForceOn(DeadlineKey.ChildProtectionAssessment, new DateOnly(2026, 1, 1)).CountsFrom.ShouldBe(DeadlineStart.MatterReceived);
    }

    [Fact]
    public void Two_rules_for_one_key_cannot_start_on_the_same_day()
    {
        var rule = new DeadlineRule(new DeadlineKey("child.investigation"), "Barnutredning", "SoL 2001:453", "11 kap. 2 § SoL (2001:453)",
            new DateOnly(2002, 1, 1), DeadlineStart.InvestigationOpened, DeadlinePeriod.Months(4));
        var rival = new DeadlineRule(new DeadlineKey("child.investigation"), "Barnutredning", "Lokal", "11 kap. 2 § SoL (2001:453)",
            new DateOnly(2002, 1, 1), DeadlineStart.InvestigationOpened, DeadlinePeriod.Months(3));
        Should.Throw<DomainRuleException>(() => new DeadlineRuleSet([rule, rival]));
    }

    [Fact]
    public void A_same_day_rule_needs_a_cut_off_and_other_rules_may_not_have_one()
    {
        Should.Throw<DomainRuleException>(() => new DeadlineRule(DeadlineKey.ChildProtectionAssessment, "Skyddsbedömning", "SoL 2001:453",
            "11 kap. 1 a § SoL (2001:453)", new DateOnly(2013, 1, 1), DeadlineStart.MatterReceived, DeadlinePeriod.SameDay));
        Should.Throw<DomainRuleException>(() => new DeadlineRule(DeadlineKey.ChildPreliminaryAssessment, "Förhandsbedömning", "SoL 2001:453",
            "11 kap. 1 a § SoL (2001:453)", new DateOnly(2013, 1, 1), DeadlineStart.MatterReceived, DeadlinePeriod.Days(14), new TimeOnly(16, 0)));
    }

    [Fact]
    public void A_rule_without_a_legal_basis_is_refused() =>
        Should.Throw<DomainRuleException>(() => new DeadlineRule(DeadlineKey.ChildInvestigation, "Barnutredning", "SoL 2001:453", "  ",
            new DateOnly(2002, 1, 1), DeadlineStart.InvestigationOpened, DeadlinePeriod.Months(4)));

    [Theory]
    [InlineData("Child.Investigation")]
    [InlineData("child investigation")]
    [InlineData("")]
    [InlineData("child..investigation")]
    public void A_deadline_key_is_lower_case_words_joined_by_dots_and_hyphens(string key) =>
        Should.Throw<DomainRuleException>(() => new DeadlineKey(key));

    [Fact]
    public void A_period_is_at_least_one_day_or_month() =>
        Should.Throw<DomainRuleException>(() => DeadlinePeriod.Days(0));
}
