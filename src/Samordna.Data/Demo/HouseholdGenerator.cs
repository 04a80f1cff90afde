using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.Deadlines;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;

namespace Samordna.Data.Demo;

/// <summary>
/// Makes one household at a time: an adult subjected to violence, usually the person who uses it, and
/// zero to three children, each with their own case in the unit that would own it, linked in a case group.
/// </summary>
internal sealed class HouseholdGenerator(Random random, Guid organisationId, DateTimeOffset now,
    IReadOnlyDictionary<string, Unit> units, IReadOnlyDictionary<string, StaffMember> staff)
{
    private static readonly string[] WomensNames = ["Anna", "Maria", "Sara", "Emma", "Lina", "Fatima", "Johanna", "Elin", "Amira", "Karin", "Nour", "Jenny", "Sofia", "Hanna", "Leila"];
    private static readonly string[] MensNames = ["Johan", "Erik", "Mohammed", "Anders", "Mattias", "Ali", "Daniel", "Peter", "Ahmed", "Niklas", "Jonas", "Omar", "Fredrik", "Marcus"];
    private static readonly string[] GirlsNames = ["Alva", "Elsa", "Maja", "Selma", "Ella", "Wilma", "Zainab", "Vera"];
    private static readonly string[] BoysNames = ["Liam", "Noah", "Hugo", "Adam", "Yusuf", "Leo", "Elias", "Omar"];
    private static readonly string[] Surnames = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Hassan", "Ali", "Lindberg", "Berg", "Holm", "Sandberg", "Ekström", "Nordin"];
    private static readonly string[] Streets = ["Storgatan", "Ågatan", "Kyrkvägen", "Björkvägen", "Skolgatan", "Parkvägen", "Ringvägen"];

    private static readonly string[] VictimNotes =
    [
        "Inkommen polisanmälan efter larm till bostaden. Klienten kontaktad per telefon, tackar ja till samtal.",
        "Första samtal genomfört. Klienten beskriver upprepat psykiskt och fysiskt våld under två år.",
        "Klienten har fått information om skyddat boende men vill i nuläget bo kvar. Säkerhetsfrågor genomgångna.",
        "Kontakt med kvinnojouren enligt klientens önskemål. Klienten har samtyckt till att uppgifter lämnas.",
        "Barnen i hushållet har uppmärksammats. Orosanmälan till Barn och unga har gjorts.",
    ];
    private static readonly string[] PerpetratorNotes =
    [
        "Kontakt efter polisanmälan. Erbjudits samtal på mottagningen, tackat ja.",
        "Samtal om eget våldsutövande. Personen beskriver kontrollerande beteende och ett tillfälle av fysiskt våld.",
        "Information om behandlingsprogram lämnad. Motivationen bedöms som ambivalent.",
    ];
    private static readonly string[] ChildNotes =
    [
        "Orosanmälan inkommen från polisen. Barnet har bevittnat våld i hemmet.",
        "Samtal med barnet i skolan tillsammans med kurator. Barnet ger en samstämmig bild.",
        "Beslut att inleda utredning enligt 11 kap. 1 § SoL.",
    ];

    private readonly HashSet<string> _usedNumbers = [];

    /// <summary>The first victim with skyddad folkbokföring, for the demo's possible duplicate.</summary>
    public Person? ProtectedVictim { get; private set; }
    private readonly CaseDeadlines deadlines = new(DefaultDeadlineRules.RuleSet);

    public void Add(SamordnaDbContext db, int number)
    {
        var received = now.AddDays(-random.Next(1, 365)).AddMinutes(-random.Next(0, 600));
        var surname = Pick(Surnames);
        var victimIsWoman = random.NextDouble() < 0.85;
        var address = new ContactDetails($"{Pick(Streets)} {random.Next(1, 60)}", $"59{random.Next(0, 10)} {random.Next(10, 99)}", "Åsby",
            $"070-{random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}", null);
        // Every seventh household lives at a protected address; its whereabouts are exactly what must not leak.
        var protection = number % 7 == 0 ? ProtectedIdentityLevel.ProtectedRegistration : ProtectedIdentityLevel.None;

        // The violence team registers the household's adults and children as the police report comes in.
        var victim = Adult(victimIsWoman ? Gender.Woman : Gender.Man, surname, address, protection, received);
        if (protection != ProtectedIdentityLevel.None) ProtectedVictim ??= victim;
        // The violence team, where the police report comes in, starts the household's group.
        var group = new CaseGroup(organisationId, units["Relationsvåldsteamet"].Id, CaseGroupKind.Household, $"Hushåll {received.Year}-{number:00}", received);
        db.AddRange(victim, group);

        var victimCase = OpenCase(db, CaseType.AdultVictim, "Relationsvåldsteamet", victim, received, group, staff["anna"], VictimNotes, IntakeChannel.PoliceReport);

        if (random.NextDouble() < 0.8)
        {
            var perpetrator = number % 5 == 0
                ? new Person(organisationId, PersonIdentity.Anonymous(), new PersonName(null, null, $"Kontakt {number:000}, mottagningen"),
                    victimIsWoman ? Gender.Man : Gender.Woman, ProtectedIdentityLevel.None, ContactDetails.Empty, received,
                    units["Relationsvåldsteamet"].Id)
                : Adult(victimIsWoman ? Gender.Man : Gender.Woman, Pick(Surnames), ContactDetails.Empty, ProtectedIdentityLevel.None, received);
            db.Add(perpetrator);
            db.Add(victimCase.AddParty(perpetrator.Id, PartyRole.AllegedPerpetrator));
            var perpetratorCase = OpenCase(db, CaseType.Perpetrator, "Relationsvåldscentrum", perpetrator, received.AddDays(random.Next(1, 20)), group,
                staff["bodil"], PerpetratorNotes, IntakeChannel.VictimsCase);
            // Treatment talks often start while the investigation is still open (seed 004).
            if (perpetratorCase.Investigation == InvestigationState.Investigating && random.NextDouble() < 0.6)
                perpetratorCase.StartSupport(perpetratorCase.InvestigationStartedAt!.Value.AddDays(2));
            db.Add(perpetratorCase.AddParty(victim.Id, PartyRole.Victim));
        }

        for (var c = random.Next(0, 4); c > 0; c--)
        {
            var child = Child(surname, address, protection, received);
            db.Add(child);
            db.Add(victimCase.AddParty(child.Id, PartyRole.Child));
            var childCase = OpenCase(db, CaseType.Child, "Barn och unga", child, received.AddHours(random.Next(1, 72)), group, staff["cecilia"], ChildNotes,
                IntakeChannel.ReportOfConcern, ReporterKind.Police);
            db.Add(childCase.AddParty(victim.Id, PartyRole.Custodian));
            // The violence team is consulted on the child's investigation (samråd): it reads and writes notes, nothing more.
            db.Add(new CaseTeamMember(organisationId, childCase.Id, units["Relationsvåldsteamet"].Id, CaseTeamReason.Consultation, staff["cecilia"].Id,
                childCase.ReceivedAt, CaseTeamScope.Consult));
            db.Add(new ReportOfConcern(organisationId, child.Id, childCase.Id, units["Barn och unga"].Id, victimCase.Id, units["Relationsvåldsteamet"].Id,
                staff["anna"].Id, ReporterKind.Police, childCase.ReceivedAt, "Barnet var hemma när polisen kom; har bevittnat våld."));
            var reported = new CaseTask(victimCase, TaskKind.ChildInHousehold, $"Orosanmälan för barnet {child.DisplayName} eller skäl till att den inte görs",
                true, received, personId: child.Id);
            reported.Complete(staff["anna"].Id, childCase.ReceivedAt);
            db.Add(reported);
        }
    }

    /// <summary>
    /// Opens a case with the tasks its deadline rules give, then moves older cases along: after a few
    /// days the investigation is opened (settling the intake deadlines), so recent cases still show open
    /// deadlines on the radar and older ones show investigations under way.
    /// </summary>
    private Case OpenCase(SamordnaDbContext db, CaseType type, string unit, Person subject, DateTimeOffset received,
        CaseGroup group, StaffMember responsible, string[] notes, IntakeChannel channel, ReporterKind? reporter = null)
    {
        if (received > now) received = now;
        var @case = new Case(organisationId, type, units[unit].Id, subject.Id, received, responsible.Id, null,
            new Intake(channel, reporter, units[unit].Id));
        @case.AssignTo(responsible.Id);
        @case.LinkToGroup(group);
        db.Add(@case);
        var tasks = deadlines.ForNewCase(@case, received).ToList();
        db.AddRange(tasks);
        var started = received.AddDays(random.Next(1, 10));
        if (started < now.AddDays(-14))
        {
            foreach (var task in tasks) task.Complete(responsible.Id, started);
            @case.StartInvestigation(started);
            var investigation = type == CaseType.Child ? deadlines.ChildInvestigation(@case, started) : null;
            if (investigation is not null) db.Add(investigation);
            // Most investigations older than four months were finished in time with a decision; a few still run late.
            var decided = started.AddDays(random.Next(60, 115));
            if (decided < now && random.NextDouble() < 0.85)
            {
                @case.Decide(decided);
                investigation?.Complete(responsible.Id, decided);
            }
        }
        var written = received;
        foreach (var note in notes.Take(random.Next(1, notes.Length + 1)))
        {
            written = written.AddHours(random.Next(2, 24 * 14));
            if (written > now) break;
            db.Add(new JournalEntry(@case, responsible.Id, written, note));
        }
        return @case;
    }

    private Person Adult(Gender gender, string surname, ContactDetails contact, ProtectedIdentityLevel protection, DateTimeOffset at)
    {
        var first = gender == Gender.Woman ? Pick(WomensNames) : Pick(MensNames);
        var birth = DateOnly.FromDateTime(at.UtcDateTime).AddYears(-random.Next(20, 60)).AddDays(-random.Next(0, 365));
        return Registered(birth, first, surname, gender, contact, protection, at, coordinationNumber: random.NextDouble() < 0.1);
    }

    private Person Child(string surname, ContactDetails contact, ProtectedIdentityLevel protection, DateTimeOffset at)
    {
        var birth = DateOnly.FromDateTime(at.UtcDateTime).AddYears(-random.Next(1, 17)).AddDays(-random.Next(0, 365));
        var gender = random.NextDouble() < 0.5 ? Gender.Woman : Gender.Man;
        return Registered(birth, Pick(gender == Gender.Woman ? GirlsNames : BoysNames), surname, gender, contact with { Phone = null }, protection, at, coordinationNumber: false);
    }

    private Person Registered(DateOnly birth, string first, string surname, Gender gender, ContactDetails contact,
        ProtectedIdentityLevel protection, DateTimeOffset at, bool coordinationNumber)
    {
        PersonalIdentityNumber number;
        do number = InventNumber(birth, gender, coordinationNumber);
        while (!_usedNumbers.Add(number.Value));
        return new Person(organisationId, PersonIdentity.Of(number), new PersonName(first, surname), gender, protection, contact, at,
            units["Relationsvåldsteamet"].Id);
    }

    /// <summary>A number of the right form: serial digit 9 is odd for men and even for women, then the Luhn digit.</summary>
    private PersonalIdentityNumber InventNumber(DateOnly birth, Gender gender, bool coordinationNumber)
    {
        var day = birth.Day + (coordinationNumber ? 60 : 0);
        var serial = random.Next(0, 100) * 10 + (gender == Gender.Man ? random.Next(0, 5) * 2 + 1 : random.Next(0, 5) * 2);
        var nine = $"{birth.Year % 100:00}{birth.Month:00}{day:00}{serial:000}";
        for (var check = 0; check <= 9; check++)
            if (PersonalIdentityNumber.TryParse($"{birth.Year:0000}{nine[2..]}{check}", DateOnly.MaxValue, out var number, out _))
                return number!;
        throw new InvalidOperationException("Some check digit always fits.");
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}
