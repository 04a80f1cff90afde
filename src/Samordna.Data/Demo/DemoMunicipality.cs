using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samordna.Core;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;

namespace Samordna.Data.Demo;

/// <summary>
/// A made-up municipality to try Samordna with: units, one member of staff per role, and about fifty
/// cases in households (victim, perpetrator, children) with journal entries. Everything is generated
/// here from a fixed seed, so every demo database looks the same. Names are common Swedish names put
/// together at random; the identity numbers are valid in form but invented, and the organisation is
/// clearly a demo, so nothing should ever be mistaken for a real record.
/// </summary>
public sealed class DemoMunicipality(SamordnaDbContext db, UserManager<StaffAccount> accounts, TimeProvider clock)
{
    public const string MunicipalityCode = "0599";
    public const string Password = "samordna-demo-2026";

    /// <summary>The demo logins, one per role, as printed by <c>samordna seed-demo</c> and the run script.</summary>
    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new("anna", "Anna Handläggare", StaffRole.Caseworker, "Relationsvåldsteamet"),
        new("bodil", "Bodil Behandlare", StaffRole.Therapist, "Relationsvåldscentrum"),
        new("cecilia", "Cecilia Socialsekreterare", StaffRole.Caseworker, "Barn och unga"),
        new("david", "David Gruppledare", StaffRole.TeamLeader, "Relationsvåldsteamet"),
        new("elin", "Elin Enhetschef", StaffRole.UnitManager, "Relationsvåldsteamet"),
        new("fredrik", "Fredrik Systemförvaltare", StaffRole.SystemAdministrator, "Relationsvåldsteamet"),
        new("gunilla", "Gunilla Analytiker", StaffRole.Analyst, "Relationsvåldsteamet"),
        new("hassan", "Hassan Logggranskare", StaffRole.AuditReviewer, "Relationsvåldsteamet"),
    ];

    /// <summary>Creates the demo municipality unless it exists. Returns false when it was already there.</summary>
    public async Task<bool> Seed(CancellationToken ct = default)
    {
        if (await db.Set<Organisation>().AnyAsync(o => o.MunicipalityCode == MunicipalityCode, ct)) return false;

        var random = new Random(20261130);
        var now = clock.GetUtcNow();
        var org = new Organisation("Åsby kommun (demo)", MunicipalityCode);
        var north = new District(org.Id, "Åsby norra");
        var south = new District(org.Id, "Åsby södra");
        var units = new Dictionary<string, Unit>
        {
            ["Relationsvåldsteamet"] = new(org.Id, "Relationsvåldsteamet", UnitKind.ViolenceTeam),
            ["Relationsvåldscentrum"] = new(org.Id, "Relationsvåldscentrum", UnitKind.TreatmentCentre),
            ["Barn och unga"] = new(org.Id, "Barn och unga", UnitKind.ChildrenAndYoungPeople),
            ["Familjerätten"] = new(org.Id, "Familjerätten", UnitKind.FamilyLaw),
            ["Försörjningsstöd norra"] = new(org.Id, "Försörjningsstöd norra", UnitKind.IncomeSupport, north.Id),
            ["Försörjningsstöd södra"] = new(org.Id, "Försörjningsstöd södra", UnitKind.IncomeSupport, south.Id),
            ["Socialjouren"] = new(org.Id, "Socialjouren", UnitKind.OutOfHoursService),
        };
        db.AddRange(org, north, south);
        db.AddRange(units.Values);
        db.AddRange(PopulationOf(org, [north, south], now.Year, random));

        var staff = new Dictionary<string, StaffMember>();
        foreach (var login in Logins)
        {
            var member = new StaffMember(org.Id, login.UserName, login.DisplayName, $"{login.UserName}@asby.example");
            member.Grant(units[login.Unit].Id, login.Role);
            if (login.Role == StaffRole.UnitManager) member.Grant(units["Relationsvåldscentrum"].Id, StaffRole.UnitManager);
            staff[login.UserName] = member;
        }
        db.AddRange(staff.Values);
        await db.SaveChangesAsync(ct);
        foreach (var member in staff.Values) await StaffAccounts.CreateAccount(accounts, member, Password);

        var households = new HouseholdGenerator(random, org.Id, now, units, staff);
        for (var i = 1; db.ChangeTracker.Entries<Case>().Count() < 50; i++)
            households.Add(db, i);
        // A possible duplicate for anna to handle: the children's unit registered a protected victim's number
        // without seeing her (it was told a new record was made, nothing more).
        if (households.ProtectedVictim is { IdentityNumber: not null } hidden)
        {
            var copy = new Person(org.Id, PersonIdentity.Of(PersonalIdentityNumber.FromCanonical(hidden.IdentityNumber)),
                new PersonName(hidden.FirstName, hidden.LastName), hidden.Gender, ProtectedIdentityLevel.None, ContactDetails.Empty,
                now.AddDays(-2), units["Barn och unga"].Id);
            db.AddRange(copy, IdentityMatch.Found(hidden, copy, staff["cecilia"].Id, now.AddDays(-2)));
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static IEnumerable<PopulationFigure> PopulationOf(Organisation org, District[] districts, int year, Random random)
    {
        (int From, int To)[] bands = [(0, 17), (18, 29), (30, 49), (50, 64), (65, 120)];
        foreach (var district in districts)
        foreach (var gender in new[] { Gender.Woman, Gender.Man })
        foreach (var (from, to) in bands)
            yield return new PopulationFigure(org.Id, district.Id, year, gender, from, to, random.Next(1_800, 4_200));
    }
}

public sealed record DemoLogin(string UserName, string DisplayName, StaffRole Role, string Unit);
