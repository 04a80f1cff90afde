using Samordna.Core.Cases;
using Samordna.Core.Deadlines;

namespace Samordna.Core.Tests.Cases;

public class CaseProcessTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 2, 9, 15, 0, TimeSpan.Zero);

    private static Case NewCase(CaseType type = CaseType.AdultVictim, IntakeChannel channel = IntakeChannel.PoliceReport) =>
        new(Guid.NewGuid(), type, Guid.NewGuid(), Guid.NewGuid(), Received, Guid.NewGuid(), null, new Intake(channel, null, Guid.NewGuid()));

    [Fact]
    public void A_decision_needs_an_investigation_first()
    {
        var @case = NewCase();
        Should.Throw<DomainRuleException>(() => @case.Decide(Received.AddDays(3))).Message.ShouldContain("inled utredningen först");
        @case.StartInvestigation(Received.AddDays(1));
        @case.Decide(Received.AddDays(20));
        @case.Investigation.ShouldBe(InvestigationState.Decided);
    }

    [Fact]
    public void Support_may_start_while_the_investigation_is_open()
    {
        var @case = NewCase(CaseType.Perpetrator);
        @case.StartInvestigation(Received.AddDays(1));
        @case.StartSupport(Received.AddDays(2));
        @case.SupportActive.ShouldBeTrue();
        @case.Investigation.ShouldBe(InvestigationState.Investigating);
    }

    [Fact]
    public void Not_investigating_needs_a_reason_and_only_before_an_investigation()
    {
        var @case = NewCase();
        Should.Throw<DomainRuleException>(() => @case.DecideNotToInvestigate(" ", Received));
        @case.DecideNotToInvestigate("Den enskilde avböjer.", Received);
        @case.NoInvestigationReason.ShouldBe("Den enskilde avböjer.");
        Should.Throw<DomainRuleException>(() => @case.StartInvestigation(Received));
    }

    [Fact]
    public void Closing_needs_a_reason_and_no_open_required_task_and_reopening_a_reason()
    {
        var @case = NewCase();
        Should.Throw<DomainRuleException>(() => @case.Close(null, Received, []));
        Should.Throw<DomainRuleException>(() => @case.Close("Klar", Received, ["Orosanmälan för barnet Alva"])).Message.ShouldContain("Alva");
        @case.Close("Insatsen avslutad.", Received, []);
        @case.Status.ShouldBe(CaseStatus.Closed);
        Should.Throw<DomainRuleException>(() => @case.AddParty(Guid.NewGuid(), PartyRole.Child));
        Should.Throw<DomainRuleException>(() => @case.Reopen(""));
        @case.Reopen("Ny polisanmälan.");
        @case.Status.ShouldBe(CaseStatus.Open);
    }

    [Fact]
    public void A_required_task_closes_only_when_done_or_with_a_reason()
    {
        var task = new CaseTask(NewCase(), TaskKind.ChildInHousehold, "Orosanmälan", true, Received);
        Should.Throw<DomainRuleException>(() => task.Waive(Guid.NewGuid(), Received, null));
        task.Waive(Guid.NewGuid(), Received, "Barnet bor i annan kommun; anmälan gjord där.");
        task.Status.ShouldBe(CaseTaskStatus.Waived);
        Should.Throw<DomainRuleException>(() => task.Complete(Guid.NewGuid(), Received));
    }

    [Fact]
    public void A_report_about_a_child_starts_the_protection_and_preliminary_assessment_clocks()
    {
        // Received 2026-11-02 10:15 Swedish time: skyddsbedömning the same day, förhandsbedömning 14 days later.
        var tasks = new CaseDeadlines(DefaultDeadlineRules.RuleSet).ForNewCase(NewCase(CaseType.Child, IntakeChannel.ReportOfConcern), Received).ToList();
        tasks.Select(t => (t.Kind, t.DueDate, t.Required)).ShouldBe(
        [
            (TaskKind.ProtectionAssessment, new DateOnly(2026, 11, 2), true),
            (TaskKind.PreliminaryAssessment, new DateOnly(2026, 11, 16), true),
        ]);
        tasks.ShouldAllBe(t => t.LegalBasis!.Contains("SoL"));
    }

    [Fact]
    public void An_adult_case_gets_a_target_for_starting_the_investigation_that_does_not_block_closing()
    {
        var task = new CaseDeadlines(DefaultDeadlineRules.RuleSet).ForNewCase(NewCase(), Received).ShouldHaveSingleItem();
        task.Kind.ShouldBe(TaskKind.AdultInvestigationStart);
        task.Required.ShouldBeFalse();
    }

    [Fact]
    public void A_child_investigation_has_four_months_and_an_extension_moves_it()
    {
        var @case = NewCase(CaseType.Child, IntakeChannel.ReportOfConcern);
        var started = new DateTimeOffset(2026, 10, 31, 10, 0, 0, TimeSpan.Zero);
        @case.StartInvestigation(started);
        var deadlines = new CaseDeadlines(DefaultDeadlineRules.RuleSet);
        deadlines.ChildInvestigation(@case, started).DueDate.ShouldBe(new DateOnly(2027, 2, 28));
        deadlines.ExtendedInvestigation(@case, 6, started.AddMonths(3), "Barnet har inte kunnat höras.").ShouldBe(new DateOnly(2027, 4, 30));
    }
}
