using System.Net;
using System.Net.Http.Json;
using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.Organisations;
using Samordna.Core.People;
using Samordna.Core.Staff;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests.Access;

/// <summary>How a member of staff stands to the target case.</summary>
public enum Relation
{
    /// <summary>Their unit owns the case.</summary>
    OwnUnit,

    /// <summary>Their unit is on the case team.</summary>
    CaseTeam,

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
    public required Guid TargetCase { get; init; }
    public required Guid TargetPerson { get; init; }

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
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        var person = new Person(asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, $"Matris {prefix}"), Gender.Woman,
            ProtectedIdentityLevel.None, ContactDetails.Empty, at);
        var otherPerson = new Person(asby.OrganisationId, PersonIdentity.Anonymous(), new PersonName(null, null, $"Matris 2 {prefix}"), Gender.Man,
            ProtectedIdentityLevel.None, ContactDetails.Empty, at);
        var target = new Case(asby.OrganisationId, CaseType.AdultVictim, asby.ViolenceTeam, person.Id, at, asby.CaseworkerId, "Matrisärende");
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
        await app.Store(jour, person, otherPerson, target, other, child, childCase, reportedChild, reportedCase, report, perpetrator, perpetratorCase,
            new CaseTeamMember(asby.OrganisationId, perpetratorCase.Id, asby.TreatmentCentre, CaseTeamReason.Handover, asby.CaseworkerId, at),
            new CaseTeamMember(asby.OrganisationId, target.Id, asby.TreatmentCentre, CaseTeamReason.Handover, asby.CaseworkerId, at),
            new CaseTeamMember(asby.OrganisationId, childCase.Id, asby.TreatmentCentre, CaseTeamReason.Handover, asby.CaseworkerId, at),
            new CaseTask(childCase, TaskKind.ChildInvestigation, "Barnutredningen ska vara avslutad", true, at, DateOnly.FromDateTime(at.UtcDateTime).AddMonths(4),
                "child.investigation", "11 kap. 2 § SoL (2001:453)"),
            new JournalEntry(target, asby.CaseworkerId, at, "Första samtalet."));
        var administered = await app.AddStaff(asby.OrganisationId, $"{prefix}.administrerad", [(asby.ChildrenUnit, StaffRole.Caseworker)]);

        var world = new AccessWorld
        {
            App = app, OwningUnit = asby.ViolenceTeam, EmergencyUnit = jour.Id, TargetCase = target.Id, TargetPerson = person.Id,
            OtherCase = other.Id, AdministeredStaff = administered.Id, ChildCase = childCase.Id, Report = report.Id, PerpetratorCase = perpetratorCase.Id,
        };
        foreach (var role in Roles)
        foreach (var relation in Relations)
        {
            var (organisation, unit) = relation switch
            {
                Relation.OwnUnit => (asby.OrganisationId, asby.ViolenceTeam),
                Relation.CaseTeam => (asby.OrganisationId, asby.TreatmentCentre),
                Relation.OtherUnit => (asby.OrganisationId, asby.ChildrenUnit),
                Relation.EmergencyAccess => (asby.OrganisationId, jour.Id),
                _ => (app.Bergby.OrganisationId, app.Bergby.ViolenceTeam),
            };
            var userName = $"{prefix}.{role}.{relation}".ToLowerInvariant();
            await app.AddStaff(organisation, userName, [(unit, role)]);
            world.UserNames[(role, relation)] = userName;
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
}
