using Samordna.Core.Cases;
using Samordna.Core.OpenTalks;

namespace Samordna.Core.Tests.OpenTalks;

public class OpenTalkContactTests
{
    private static readonly DateTimeOffset Started = new(2026, 10, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly Guid _organisation = Guid.NewGuid();
    private readonly Guid _treatmentCentre = Guid.NewGuid();
    private readonly Guid _violenceTeam = Guid.NewGuid();
    private readonly Guid _therapist = Guid.NewGuid();
    private readonly Guid _person = Guid.NewGuid();

    private OpenTalkContact NewContact(int talkLimit = 5, int children = 0) =>
        new(_organisation, _treatmentCentre, _person, CaseType.Perpetrator, talkLimit, children, _therapist, Started);

    private OpenTalkContact WithTalks(int talks, int talkLimit = 5)
    {
        var contact = NewContact(talkLimit);
        for (var i = 0; i < talks; i++) contact.RecordTalk(Started.AddDays(7 * i), _therapist, null, Started.AddDays(7 * i).AddHours(1));
        return contact;
    }

    private ConsentRecord Consent() => new(Started.AddDays(30), _therapist, ConsentMethod.InPerson, "Registrering av ärende och utredning");

    [Fact]
    public void Talks_are_numbered_in_the_order_they_were_held()
    {
        var contact = WithTalks(3);
        contact.Talks.Select(t => t.Number).ShouldBe([1, 2, 3]);
        contact.FirstContactAt.ShouldBe(Started);
    }

    [Fact]
    public void A_talk_beyond_the_limit_is_refused_and_names_conversion_as_the_way_on()
    {
        var contact = WithTalks(5);
        contact.TalkLimitReached.ShouldBeTrue();
        var refused = Should.Throw<DomainRuleException>(() => contact.RecordTalk(Started.AddDays(60), _therapist, null, Started.AddDays(60)));
        refused.Message.ShouldContain("omvandla");
        contact.Talks.Count.ShouldBe(5);
    }

    [Fact]
    public void The_limit_is_the_one_the_contact_started_with()
    {
        var contact = WithTalks(3, talkLimit: 3);
        Should.Throw<DomainRuleException>(() => contact.RecordTalk(Started.AddDays(60), _therapist, null, Started.AddDays(60)));
    }

    [Fact]
    public void A_talk_cannot_be_earlier_than_the_start_or_the_talk_before_it()
    {
        var contact = WithTalks(2);
        Should.Throw<DomainRuleException>(() => contact.RecordTalk(Started.AddDays(-1), _therapist, null, Started));
        Should.Throw<DomainRuleException>(() => contact.RecordTalk(Started.AddDays(3), _therapist, null, Started.AddDays(10)));
    }

    [Fact]
    public void Ending_requires_a_dropout_reason()
    {
        var contact = WithTalks(2);
        Should.Throw<DomainRuleException>(() => contact.End(null, "Hörde inte av sig", Started.AddDays(20)));
        contact.Status.ShouldBe(OpenTalkStatus.Active);
    }

    [Fact]
    public void Ending_for_another_reason_requires_words()
    {
        var contact = WithTalks(2);
        Should.Throw<DomainRuleException>(() => contact.End(DropoutReason.Other, " ", Started.AddDays(20)));
        contact.End(DropoutReason.Other, "Bytte till privat mottagning", Started.AddDays(20));
        contact.DropoutNote.ShouldBe("Bytte till privat mottagning");
    }

    [Fact]
    public void No_talk_is_recorded_on_an_ended_contact()
    {
        var contact = WithTalks(2);
        contact.End(DropoutReason.WantedToStayAnonymous, null, Started.AddDays(20));
        contact.Status.ShouldBe(OpenTalkStatus.Ended);
        contact.DropoutReason.ShouldBe(DropoutReason.WantedToStayAnonymous);
        Should.Throw<DomainRuleException>(() => contact.RecordTalk(Started.AddDays(21), _therapist, null, Started.AddDays(21)));
        Should.Throw<DomainRuleException>(() => contact.Convert(Consent(), _violenceTeam, IntakeChannel.SelfReferral, _therapist, Started.AddDays(21)));
    }

    [Fact]
    public void Conversion_requires_a_consent_record_and_without_one_nothing_changes()
    {
        var contact = WithTalks(5);
        var refused = Should.Throw<DomainRuleException>(() => contact.Convert(null, _violenceTeam, IntakeChannel.SelfReferral, _therapist, Started.AddDays(40)));
        refused.Message.ShouldContain("samtycke");
        contact.Status.ShouldBe(OpenTalkStatus.Active);
        contact.ConvertedCaseId.ShouldBeNull();
        contact.Consent.ShouldBeNull();
    }

    [Fact]
    public void Conversion_opens_a_case_of_the_contact_s_type_received_at_the_first_talk_with_support_running_and_no_investigation_yet()
    {
        var contact = WithTalks(5);
        var @case = contact.Convert(Consent(), _violenceTeam, IntakeChannel.SelfReferral, _therapist, Started.AddDays(40));

        @case.Type.ShouldBe(CaseType.Perpetrator);
        @case.OwningUnitId.ShouldBe(_violenceTeam);
        @case.SubjectPersonId.ShouldBe(_person);
        @case.ReceivedAt.ShouldBe(Started);
        @case.Intake.Channel.ShouldBe(IntakeChannel.SelfReferral);
        @case.Intake.ReceivingUnitId.ShouldBe(_treatmentCentre);
        @case.SupportActive.ShouldBeTrue();
        @case.SupportStartedAt.ShouldBe(Started);
        @case.Investigation.ShouldBe(InvestigationState.Initiated);
        @case.Summary!.ShouldContain("5 av 5 samtal");

        contact.Status.ShouldBe(OpenTalkStatus.Converted);
        contact.ConvertedCaseId.ShouldBe(@case.Id);
        contact.Consent!.Method.ShouldBe(ConsentMethod.InPerson);
        Should.Throw<DomainRuleException>(() => contact.RecordTalk(Started.AddDays(41), _therapist, null, Started.AddDays(41)));
        Should.Throw<DomainRuleException>(() => contact.Convert(Consent(), _violenceTeam, IntakeChannel.SelfReferral, _therapist, Started.AddDays(41)));
    }

    [Fact]
    public void The_investigation_can_start_while_the_support_from_the_talks_runs()
    {
        var @case = WithTalks(5).Convert(Consent(), _violenceTeam, IntakeChannel.SelfReferral, _therapist, Started.AddDays(40));
        @case.StartInvestigation(Started.AddDays(42));
        @case.Investigation.ShouldBe(InvestigationState.Investigating);
        @case.SupportActive.ShouldBeTrue();
    }

    [Fact]
    public void A_talk_is_carried_into_the_journal_as_talk_n_of_m_with_date_and_staff()
    {
        var contact = NewContact();
        var talk = contact.RecordTalk(new DateTimeOffset(2026, 10, 6, 12, 30, 0, TimeSpan.Zero), _therapist, "Motiverad att fortsätta", Started.AddDays(2));
        contact.JournalText(talk, "Åsby Behandlare").ShouldBe("Samtal i friyta 1 av 5: 2026-10-06 14:30 Åsby Behandlare\nMotiverad att fortsätta");
    }

    [Fact]
    public void Only_a_victim_or_a_perpetrator_has_friyta_talks() =>
        Should.Throw<DomainRuleException>(() => new OpenTalkContact(_organisation, _treatmentCentre, _person, CaseType.Child, 5, 0, _therapist, Started));

    [Fact]
    public void The_limit_warns_only_while_the_contact_runs()
    {
        OpenTalkContact.Warnings(OpenTalkStatus.Active, 5, 5, 0, false).ShouldBe([OpenTalkWarning.TalkLimitReached]);
        OpenTalkContact.Warnings(OpenTalkStatus.Active, 4, 5, 0, false).ShouldBeEmpty();
        OpenTalkContact.Warnings(OpenTalkStatus.Converted, 5, 5, 0, false).ShouldBeEmpty();
        OpenTalkContact.Warnings(OpenTalkStatus.Ended, 5, 5, 0, false).ShouldBeEmpty();
    }

    [Fact]
    public void Children_mentioned_warn_until_a_child_case_or_report_exists()
    {
        OpenTalkContact.Warnings(OpenTalkStatus.Active, 1, 5, 2, childProtectionInPlace: false).ShouldBe([OpenTalkWarning.ChildrenWithoutChildCase]);
        OpenTalkContact.Warnings(OpenTalkStatus.Converted, 5, 5, 2, childProtectionInPlace: false).ShouldBe([OpenTalkWarning.ChildrenWithoutChildCase]);
        OpenTalkContact.Warnings(OpenTalkStatus.Active, 1, 5, 2, childProtectionInPlace: true).ShouldBeEmpty();
        OpenTalkContact.Warnings(OpenTalkStatus.Active, 1, 5, 0, childProtectionInPlace: false).ShouldBeEmpty();
    }
}
