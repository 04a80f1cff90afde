using System.Net;
using System.Net.Http.Json;
using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Access;

/// <summary>How a member of staff stands to the target case. A unit manager is a role held in each of these.</summary>
public enum Relation
{
    /// <summary>Their unit owns the case.</summary>
    OwnUnit,

    /// <summary>Their unit is on the case team, consulted (scope consult). The treatment centre is the one that contributes.</summary>
    CaseTeamConsult,

    /// <summary>Their unit — the treatment centre — is on the case team with scope contribute: it receives handovers and keeps a queue.</summary>
    CaseTeam,

    /// <summary>Their unit is on the case team with full scope.</summary>
    CaseTeamFull,

    /// <summary>Another unit of the same municipality.</summary>
    OtherUnit,

    /// <summary>A unit of another municipality.</summary>
    OtherMunicipality,

    /// <summary>Another unit, but they took nödåtkomst to the case.</summary>
    EmergencyAccess,
}

/// <summary>
/// A municipality arranged for access tests: a target case owned by the violence team with the
/// treatment centre on its team, and one member of staff for every role in every relation to it.
/// </summary>
public sealed class AccessWorld
{
    public static readonly StaffRole[] Roles = Enum.GetValues<StaffRole>();
    public static readonly Relation[] Relations = Enum.GetValues<Relation>();

    public required SamordnaApp App { get; init; }
    public required Guid OwningUnit { get; init; }
    public required Guid EmergencyUnit { get; init; }
    public required Guid ConsultingUnit { get; init; }
    public required Guid FullScopeUnit { get; init; }

    /// <summary>The staff of the nödåtkomst relation in roles with case content, for granting them nödåtkomst to cases made per call.</summary>
    public List<Guid> EmergencyStaff { get; } = [];

    /// <summary>The unit each relation's staff work in (Bergby's violence team for the other municipality).</summary>
    public Dictionary<Relation, Guid> UnitOf { get; } = [];
    public required Guid TargetCase { get; init; }
    public required Guid TargetPerson { get; init; }

    /// <summary>The case group the target case belongs to, and no other case.</summary>
    public required Guid TargetGroup { get; init; }

    /// <summary>A second case of the owning unit, for taking nödåtkomst without changing anyone's access to the target.</summary>
    public required Guid OtherCase { get; init; }

    /// <summary>A child's case of the owning unit, with the case team and nödåtkomst like the target, and an investigation running.</summary>
    public required Guid ChildCase { get; init; }

    /// <summary>A perpetrator's case of the owning unit, with the case team and nödåtkomst like the target.</summary>
    public required Guid PerpetratorCase { get; init; }

    /// <summary>A report of concern filed from the target case by its owning unit, about a child now in the children's unit.</summary>
    public required Guid Report { get; init; }

    /// <summary>A member of staff for the administration endpoints to change.</summary>
    public required Guid AdministeredStaff { get; init; }

    public Dictionary<(StaffRole Role, Relation Relation), string> UserNames { get; } = [];

    /// <summary>The unit of the member of staff about to call, so a request can bring a person that caller may see.</summary>
    public Guid? CallerUnit { get; set; }

    /// <summary>The member of staff about to call, for requests about oneself.</summary>
    public Guid? CallerStaff { get; set; }

    public Dictionary<(StaffRole Role, Relation Relation), Guid> StaffIds { get; } = [];

    /// <summary>The case a request made for itself (FreshCase), so its audit entry's subject can be checked.</summary>
    public Guid Fresh { get; set; }
    private readonly Dictionary<(StaffRole, Relation), HttpClient> _clients = [];

    public static bool HasCaseContent(StaffRole role) => RoleCapabilities.Grants(role, Capability.CaseContent);

    public async Task<HttpClient> Client(StaffRole role, Relation relation)
    {
        if (!_clients.TryGetValue((role, relation), out var client))
            _clients[(role, relation)] = client = await App.SignedIn(UserNames[(role, relation)]);
        return client;
    }

    public static async Task<AccessWorld> Create(SamordnaApp app, string prefix)
    {
        var asby = app.Asby;
        var jour = new Unit(asby.OrganisationId, $"Socialjouren {prefix}", UnitKind.OutOfHoursService);
        var consulted = new Unit(asby.OrganisationId, $"Konsulterad enhet {prefix}", UnitKind.Other);
        var fullScope = new Unit(asby.OrganisationId, $"Enhet med fullt ansvar {prefix}", UnitKind.Other);
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        var person = new Person(asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, $"Matris {prefix}"), Gender.Woman,
            ProtectedIdentityLevel.None, ContactDetails.Empty, at);
        var otherPerson = new Person(asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, $"Matris 2 {prefix}"), Gender.Man,
            ProtectedIdentityLevel.None, ContactDetails.Empty, at);
        var target = new Case(asby.OrganisationId, CaseType.AdultVictim, asby.ViolenceTeam, person.Id, at, asby.CaseworkerId, "Matrisärende");
        // The target's household: whoever may open the target case may read the group.
        var household = new CaseGroup(asby.OrganisationId, asby.ViolenceTeam, CaseGroupKind.Household, $"Matrishushåll {prefix}", at);
        target.LinkToGroup(household);
        var other = new Case(asby.OrganisationId, CaseType.Perpetrator, asby.ViolenceTeam, otherPerson.Id, at, asby.CaseworkerId, null);
        var child = new Person(asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, $"Matrisbarn {prefix}"), Gender.Woman,
            ProtectedIdentityLevel.None, ContactDetails.Empty, at);
        var childCase = new Case(asby.OrganisationId, CaseType.Child, asby.ViolenceTeam, child.Id, at, asby.CaseworkerId, null);
        childCase.StartInvestigation(at);
        var reportedChild = new Person(asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, $"Anmält barn {prefix}"), Gender.Man,
            ProtectedIdentityLevel.None, ContactDetails.Empty, at);
        var reportedCase = new Case(asby.OrganisationId, CaseType.Child, asby.ChildrenUnit, reportedChild.Id, at, asby.CaseworkerId, null,
            new Intake(IntakeChannel.ReportOfConcern, ReporterKind.Other, asby.ChildrenUnit));
        var report = new ReportOfConcern(asby.OrganisationId, reportedChild.Id, reportedCase.Id, asby.ChildrenUnit, target.Id, asby.ViolenceTeam,
            asby.CaseworkerId, ReporterKind.Other, at, "Barnet har bevittnat våld.");
        var perpetrator = new Person(asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, $"Utövare {prefix}"), Gender.Man,
            ProtectedIdentityLevel.None, ContactDetails.Empty, at);
        var perpetratorCase = new Case(asby.OrganisationId, CaseType.Perpetrator, asby.ViolenceTeam, perpetrator.Id, at, asby.CaseworkerId, null);
        await app.Store([jour, consulted, fullScope, household, person, otherPerson, target, other, child, childCase, reportedChild, reportedCase, report, perpetrator, perpetratorCase,
            .. Team(asby, consulted.Id, fullScope.Id, at, perpetratorCase.Id, target.Id, childCase.Id),
            new CaseTask(childCase, TaskKind.ChildInvestigation, "Barnutredningen ska vara avslutad", true, at, DateOnly.FromDateTime(at.UtcDateTime).AddMonths(4),
                "child.investigation", "11 kap. 2 § SoL (2001:453)"),
            new JournalEntry(target, asby.CaseworkerId, at, "Första samtalet.")]);
        var administered = await app.AddStaff(asby.OrganisationId, $"{prefix}.administrerad", [(asby.ChildrenUnit, StaffRole.Caseworker)]);

        var world = new AccessWorld
        {
            App = app, OwningUnit = asby.ViolenceTeam, EmergencyUnit = jour.Id, ConsultingUnit = consulted.Id, FullScopeUnit = fullScope.Id,
            TargetCase = target.Id, TargetPerson = person.Id, TargetGroup = household.Id,
            OtherCase = other.Id, AdministeredStaff = administered.Id, ChildCase = childCase.Id, Report = report.Id, PerpetratorCase = perpetratorCase.Id,
        };
        foreach (var role in Roles)
        foreach (var relation in Relations)
        {
            var (organisation, unit) = relation switch
            {
                Relation.OwnUnit => (asby.OrganisationId, asby.ViolenceTeam),
                Relation.CaseTeamConsult => (asby.OrganisationId, consulted.Id),
                Relation.CaseTeam => (asby.OrganisationId, asby.TreatmentCentre),
                Relation.CaseTeamFull => (asby.OrganisationId, fullScope.Id),
                Relation.OtherUnit => (asby.OrganisationId, asby.ChildrenUnit),
                Relation.EmergencyAccess => (asby.OrganisationId, jour.Id),
                _ => (app.Bergby.OrganisationId, app.Bergby.ViolenceTeam),
            };
            var userName = $"{prefix}.{role}.{relation}".ToLowerInvariant();
            var member = await app.AddStaff(organisation, userName, [(unit, role)]);
            world.UserNames[(role, relation)] = userName;
            world.StaffIds[(role, relation)] = member.Id;
            world.UnitOf[relation] = unit;
            if (relation == Relation.EmergencyAccess && HasCaseContent(role)) world.EmergencyStaff.Add(member.Id);
        }

        foreach (var role in Roles.Where(HasCaseContent))
        foreach (var caseId in new[] { target.Id, childCase.Id, perpetratorCase.Id })
        {
            var client = await world.Client(role, Relation.EmergencyAccess);
            var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/emergency-access",
                new { reason = "Akut skyddsbehov en natt, handläggaren nås inte." });
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
        return world;
    }

    /// <summary>The case team every target-like case has: consulted, contributing (the treatment centre) and full scope.</summary>
    public static IEnumerable<object> Team(TestMunicipality asby, Guid consulted, Guid fullScope, DateTimeOffset at, params Guid[] cases) =>
        cases.SelectMany(caseId => new object[]
        {
            new CaseTeamMember(asby.OrganisationId, caseId, consulted, CaseTeamReason.Consultation, asby.CaseworkerId, at, CaseTeamScope.Consult),
            new CaseTeamMember(asby.OrganisationId, caseId, asby.TreatmentCentre, CaseTeamReason.Handover, asby.CaseworkerId, at, CaseTeamScope.Contribute),
            new CaseTeamMember(asby.OrganisationId, caseId, fullScope, CaseTeamReason.Handover, asby.CaseworkerId, at, CaseTeamScope.Full),
        });

    /// <summary>
    /// A new case standing to every relation as the target does (owned by the violence team, the same case team,
    /// nödåtkomst for the nödåtkomst relation), for operations that change a case for good: deciding, closing.
    /// </summary>
    public async Task<Guid> FreshCase(CaseType type = CaseType.AdultVictim)
    {
        var asby = App.Asby;
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        var person = new Person(asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, "Nytt matrisärende"), Gender.Woman,
            ProtectedIdentityLevel.None, ContactDetails.Empty, at, registeringUnitId: OwningUnit);
        var @case = new Case(asby.OrganisationId, type, OwningUnit, person.Id, at, asby.CaseworkerId, null);
        await App.Store([person, @case, .. Team(asby, ConsultingUnit, FullScopeUnit, at, @case.Id),
            .. EmergencyStaff.Select(staff => new EmergencyAccess(asby.OrganisationId, staff, @case.Id, "Akut skyddsbehov, ansvarig nås inte.", at,
                TimeSpan.FromDays(2)))]);
        return @case.Id;
    }
}
