using Samordna.Core.Handovers;

namespace Samordna.Core.Tests.Handovers;

public class WaitingListEntryTests
{
    // Referred at 14:00 Swedish time on Monday 2 November 2026.
    private static readonly DateTimeOffset ReferredAt = new(2026, 11, 2, 13, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly ReferralDay = new(2026, 11, 2);
    private readonly Guid _staff = Guid.NewGuid();

    private static WaitingListEntry NewEntry(DateTimeOffset? referredAt = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), referredAt ?? ReferredAt, Guid.NewGuid(), null);

    [Fact]
    public void The_wait_so_far_counts_Swedish_calendar_days_from_the_referral()
    {
        var entry = NewEntry();
        entry.WaitedDays(ReferralDay).ShouldBe(0);
        entry.WaitedDays(ReferralDay.AddDays(30)).ShouldBe(30);
    }

    [Fact]
    public void The_waiting_time_is_recorded_with_the_first_session_and_ends_the_wait()
    {
        var entry = NewEntry();
        // 00:30 Swedish time on 5 November, though still 4 November in UTC.
        entry.RecordFirstSession(new DateTimeOffset(2026, 11, 4, 23, 30, 0, TimeSpan.Zero), _staff);
        entry.Status.ShouldBe(WaitingListStatus.FirstSessionHeld);
        entry.WaitingDays.ShouldBe(3);
        entry.WaitedDays(ReferralDay.AddDays(200)).ShouldBe(3);
        entry.IsWaiting.ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => entry.RecordFirstSession(ReferredAt.AddDays(5), _staff));
    }

    [Fact]
    public void A_first_session_before_the_referral_is_refused() =>
        Should.Throw<DomainRuleException>(() => NewEntry().RecordFirstSession(ReferredAt.AddHours(-1), _staff));

    [Fact]
    public void The_alert_comes_when_the_wait_passes_the_limit_not_when_it_reaches_it()
    {
        var entry = NewEntry();
        entry.WaitExceeds(90, ReferralDay.AddDays(89)).ShouldBeFalse();
        entry.WaitExceeds(90, ReferralDay.AddDays(90)).ShouldBeFalse();
        entry.WaitExceeds(90, ReferralDay.AddDays(91)).ShouldBeTrue();
        entry.WaitExceeds(30, ReferralDay.AddDays(31)).ShouldBeTrue();
    }

    [Fact]
    public void A_client_who_had_their_first_session_raises_no_alert_however_long_they_waited()
    {
        var entry = NewEntry();
        entry.RecordFirstSession(ReferredAt.AddDays(120), _staff);
        entry.WaitingDays.ShouldBe(120);
        entry.WaitExceeds(90, ReferralDay.AddDays(150)).ShouldBeFalse();
    }

    [Fact]
    public void Interim_contacts_are_logged_only_while_the_client_waits()
    {
        var entry = NewEntry();
        var contact = entry.AddInterimContact(ReferredAt.AddDays(14), _staff, InterimContactKind.Phone, " Hörde av mig, hon mår bättre. ");
        contact.Note.ShouldBe("Hörde av mig, hon mår bättre.");
        contact.EntryId.ShouldBe(entry.Id);
        entry.InterimContacts.ShouldHaveSingleItem();
        Should.Throw<DomainRuleException>(() => entry.AddInterimContact(ReferredAt.AddDays(-1), _staff, InterimContactKind.Letter, null));

        entry.RecordFirstSession(ReferredAt.AddDays(20), _staff);
        Should.Throw<DomainRuleException>(() => entry.AddInterimContact(ReferredAt.AddDays(21), _staff, InterimContactKind.Meeting, null));
    }

    [Fact]
    public void Leaving_the_queue_without_a_session_needs_a_reason()
    {
        var entry = NewEntry();
        Should.Throw<DomainRuleException>(() => entry.Remove(ReferredAt.AddDays(3), _staff, " "));
        entry.Remove(ReferredAt.AddDays(10), _staff, "Har flyttat till en annan kommun.");
        entry.Status.ShouldBe(WaitingListStatus.Removed);
        entry.WaitedDays(ReferralDay.AddDays(100)).ShouldBe(10);
        entry.WaitExceeds(5, ReferralDay.AddDays(100)).ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => entry.RecordFirstSession(ReferredAt.AddDays(11), _staff));
    }

    [Fact]
    public void First_referred_is_first_in_line_and_positions_start_at_one()
    {
        var (a, b, c) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var positions = WaitingListEntry.Positions([(c, ReferredAt.AddDays(2)), (a, ReferredAt), (b, ReferredAt.AddDays(1))]);
        positions[a].ShouldBe(1);
        positions[b].ShouldBe(2);
        positions[c].ShouldBe(3);
    }

    [Fact]
    public void Clients_referred_at_the_same_instant_keep_the_order_they_were_queued_in()
    {
        // Ids are time-ordered (UUID v7): the one made first sorts first.
        var first = new Guid("019ad3c0-0000-7000-8000-000000000001");
        var second = new Guid("019ad3c0-0001-7000-8000-000000000000");
        var positions = WaitingListEntry.Positions([(second, ReferredAt), (first, ReferredAt)]);
        positions[first].ShouldBe(1);
        positions[second].ShouldBe(2);
    }

    [Fact]
    public void The_alert_limit_defaults_to_three_months() => new WaitingListSettings().AlertAfterDays.ShouldBe(90);
}
