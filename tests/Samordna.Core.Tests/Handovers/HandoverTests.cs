using FluentValidation.TestHelper;
using Samordna.Core.Handovers;

namespace Samordna.Core.Tests.Handovers;

public class HandoverTests
{
    // 09:30 Swedish winter time on Monday 2 November 2026.
    private static readonly DateTimeOffset HandedOverAt = new(2026, 11, 2, 8, 30, 0, TimeSpan.Zero);
    private readonly Guid _violenceTeam = Guid.NewGuid();
    private readonly Guid _treatmentCentre = Guid.NewGuid();

    private static HandoverSummary Summary(string? otherNotes = null) =>
        new(" Misshandel i hemmet i oktober. ", "FREDA farlighetsbedömning: förhöjd risk.", "Mannen har kvar nycklar.",
            "Om våldet sedan 2024 och om barnen.", otherNotes);

    private Handover NewHandover() =>
        new(Guid.NewGuid(), Guid.NewGuid(), _violenceTeam, _treatmentCentre, Guid.NewGuid(), HandedOverAt, Summary(), receiverJoinedTeam: true);

    [Fact]
    public void A_new_handover_is_pending_until_the_receiving_unit_answers()
    {
        var handover = NewHandover();
        handover.Status.ShouldBe(HandoverStatus.Pending);
        handover.AcceptedAt.ShouldBeNull();
        handover.DeclinedAt.ShouldBeNull();
    }

    [Fact]
    public void A_unit_cannot_hand_over_to_itself() =>
        Should.Throw<DomainRuleException>(() =>
            new Handover(Guid.NewGuid(), Guid.NewGuid(), _violenceTeam, _violenceTeam, Guid.NewGuid(), HandedOverAt, Summary(), false));

    [Fact]
    public void Accepting_records_who_and_when_and_can_happen_once()
    {
        var handover = NewHandover();
        var therapist = Guid.NewGuid();
        handover.Accept(therapist, HandedOverAt.AddDays(2));
        handover.Status.ShouldBe(HandoverStatus.Accepted);
        handover.AcceptedBy.ShouldBe(therapist);
        handover.AcceptedAt.ShouldBe(HandedOverAt.AddDays(2));
        Should.Throw<DomainRuleException>(() => handover.Accept(therapist, HandedOverAt.AddDays(3)));
        Should.Throw<DomainRuleException>(() => handover.Decline(therapist, HandedOverAt.AddDays(3), "Ändrat oss"));
    }

    [Fact]
    public void Declining_needs_a_reason_and_ends_the_handover()
    {
        var handover = NewHandover();
        Should.Throw<DomainRuleException>(() => handover.Decline(Guid.NewGuid(), HandedOverAt, "  "));
        handover.Status.ShouldBe(HandoverStatus.Pending);

        handover.Decline(Guid.NewGuid(), HandedOverAt.AddDays(1), " Klienten får stöd hos kvinnojouren. ");
        handover.Status.ShouldBe(HandoverStatus.Declined);
        handover.DeclineReason.ShouldBe("Klienten får stöd hos kvinnojouren.");
        Should.Throw<DomainRuleException>(() => handover.Accept(Guid.NewGuid(), HandedOverAt.AddDays(2)));
    }

    [Fact]
    public void The_summary_needs_what_happened_assessments_risks_and_what_the_client_told_and_is_trimmed()
    {
        var summary = Summary("  ");
        summary.WhatHappened.ShouldBe("Misshandel i hemmet i oktober.");
        summary.OtherNotes.ShouldBeNull();
        Should.Throw<DomainRuleException>(() => new HandoverSummary(" ", "a", "b", "c", null));
        Should.Throw<DomainRuleException>(() => new HandoverSummary("a", "", "b", "c", null));
        Should.Throw<DomainRuleException>(() => new HandoverSummary("a", "b", " ", "c", null));
        Should.Throw<DomainRuleException>(() => new HandoverSummary("a", "b", "c", "", null));
    }

    [Fact]
    public void The_age_of_a_handover_counts_Swedish_calendar_days()
    {
        // 23:30 UTC on 2 November is already 3 November in Sweden.
        var lateEvening = new Handover(Guid.NewGuid(), Guid.NewGuid(), _violenceTeam, _treatmentCentre, Guid.NewGuid(),
            new DateTimeOffset(2026, 11, 2, 23, 30, 0, TimeSpan.Zero), Summary(), false);
        lateEvening.AgeInDays(new DateOnly(2026, 11, 3)).ShouldBe(0);
        lateEvening.AgeInDays(new DateOnly(2026, 11, 10)).ShouldBe(7);
        NewHandover().AgeInDays(new DateOnly(2026, 11, 2)).ShouldBe(0);
    }

    [Fact]
    public void A_handover_without_receiver_or_summary_fields_names_every_missing_field()
    {
        var result = new HandOverValidator().TestValidate(new HandOver(null, null, " ", null, null));
        result.ShouldHaveValidationErrorFor(c => c.ToUnitId);
        result.ShouldHaveValidationErrorFor(c => c.WhatHappened);
        result.ShouldHaveValidationErrorFor(c => c.Assessments);
        result.ShouldHaveValidationErrorFor(c => c.Risks);
        result.ShouldHaveValidationErrorFor(c => c.WhatTheClientHasToldAlready);
        result.ShouldNotHaveValidationErrorFor(c => c.OtherNotes);
    }

    [Fact]
    public void Summary_fields_are_limited_in_length()
    {
        var tooLong = new string('x', HandoverSummary.MaxLength + 1);
        var result = new HandOverValidator().TestValidate(new HandOver(Guid.NewGuid(), tooLong, "a", "b", "c",
            new string('y', HandoverSummary.OtherNotesMaxLength + 1)));
        result.ShouldHaveValidationErrorFor(c => c.WhatHappened);
        result.ShouldHaveValidationErrorFor(c => c.OtherNotes);
        new HandOverValidator().TestValidate(new HandOver(Guid.NewGuid(), new string('x', HandoverSummary.MaxLength), "a", "b", "c"))
            .IsValid.ShouldBeTrue();
    }
}
