using Samordna.Core.Cases;
using Samordna.Core.People;

namespace Samordna.Core.Tests.Cases;

public class CaseTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 2, 9, 15, 0, TimeSpan.Zero);
    private readonly Guid _organisation = Guid.NewGuid();

    private Case NewCase() => new(_organisation, CaseType.AdultVictim, Guid.NewGuid(), Guid.NewGuid(), Received, Guid.NewGuid(), " Polisanmälan ");

    [Fact]
    public void The_subject_is_the_first_party()
    {
        var @case = NewCase();
        @case.Parties.ShouldHaveSingleItem().Role.ShouldBe(PartyRole.Subject);
        @case.Parties[0].PersonId.ShouldBe(@case.SubjectPersonId);
        @case.Summary.ShouldBe("Polisanmälan");
    }

    [Fact]
    public void A_person_is_a_party_only_once()
    {
        var @case = NewCase();
        var child = Guid.NewGuid();
        @case.AddParty(child, PartyRole.Child);
        Should.Throw<DomainRuleException>(() => @case.AddParty(child, PartyRole.Relative));
        Should.Throw<DomainRuleException>(() => @case.AddParty(@case.SubjectPersonId, PartyRole.Child));
    }

    [Fact]
    public void A_second_subject_cannot_be_added() =>
        Should.Throw<DomainRuleException>(() => NewCase().AddParty(Guid.NewGuid(), PartyRole.Subject));

    [Fact]
    public void A_case_joins_only_a_group_of_its_own_municipality()
    {
        var @case = NewCase();
        var foreign = new CaseGroup(Guid.NewGuid(), Guid.NewGuid(), CaseGroupKind.Household, "Hushåll 1", Received);
        Should.Throw<DomainRuleException>(() => @case.LinkToGroup(foreign));
        var own = new CaseGroup(_organisation, Guid.NewGuid(), CaseGroupKind.Household, "Hushåll 2", Received);
        @case.LinkToGroup(own);
        @case.CaseGroupId.ShouldBe(own.Id);
    }

    [Fact]
    public void A_stale_version_is_refused() =>
        Should.Throw<ConcurrencyConflictException>(() => NewCase().EnsureVersion(3));

    [Fact]
    public void A_correction_points_at_an_entry_of_the_same_case()
    {
        var @case = NewCase();
        var first = new JournalEntry(@case, Guid.NewGuid(), Received, "Samtal med klienten.");
        var correction = new JournalEntry(@case, Guid.NewGuid(), Received.AddHours(1), "Rättelse: samtalet var per telefon.", first);
        correction.CorrectsEntryId.ShouldBe(first.Id);
        Should.Throw<DomainRuleException>(() => new JournalEntry(NewCase(), Guid.NewGuid(), Received, "Fel ärende", first));
        Should.Throw<DomainRuleException>(() => new JournalEntry(@case, Guid.NewGuid(), Received, "  "));
    }

    [Fact]
    public void Keys_are_time_ordered_so_newest_first_needs_no_extra_column()
    {
        var older = NewCase();
        Thread.Sleep(2);
        var newer = NewCase();
        string.CompareOrdinal(older.Id.ToString(), newer.Id.ToString()).ShouldBeLessThan(0);
    }
}

public class PersonTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 15, 0, TimeSpan.Zero);

    [Fact]
    public void An_anonymous_contact_is_shown_by_pseudonym()
    {
        var person = new Person(Guid.NewGuid(), PersonIdentity.Anonymous(), new PersonName(null, null, " Man 42 "), Gender.Man,
            ProtectedIdentityLevel.None, ContactDetails.Empty, At);
        person.IsAnonymous.ShouldBeTrue();
        person.DisplayName.ShouldBe("Man 42");
        person.IdentityNumber.ShouldBeNull();
    }

    [Fact]
    public void A_numbered_person_needs_a_name_and_carries_the_birth_date_of_the_number()
    {
        PersonalIdentityNumber.TryParse("811218-9876", new DateOnly(2026, 11, 30), out var number, out _).ShouldBeTrue();
        Should.Throw<DomainRuleException>(() => new Person(Guid.NewGuid(), PersonIdentity.Of(number!), new PersonName(null, null, "X"),
            Gender.Man, ProtectedIdentityLevel.None, ContactDetails.Empty, At));
        var person = new Person(Guid.NewGuid(), PersonIdentity.Of(number!), new PersonName("Johan", "Berg", "ignored"),
            Gender.Man, ProtectedIdentityLevel.None, ContactDetails.Empty, At);
        person.BirthDate.ShouldBe(new DateOnly(1981, 12, 18));
        person.Pseudonym.ShouldBeNull();
        person.DisplayName.ShouldBe("Johan Berg");
    }
}
