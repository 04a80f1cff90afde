using Samordna.Core.Access;
using Samordna.Core.Staff;

namespace Samordna.Core.Tests.Access;

/// <summary>The case handler's rule table on its own: what each relation and role may do in a case.</summary>
public sealed class CasePermissionsTests
{
    private static readonly Guid CaseId = Guid.NewGuid();
    private static readonly Guid Unit = Guid.NewGuid();

    private static CaseAccess Owner(StaffRole role = StaffRole.Caseworker) =>
        new(CaseId, Unit, CaseAccessRoute.OwningUnit, new UnitRole(Unit, role), null, null);

    private static CaseAccess Team(CaseTeamScope scope, StaffRole role = StaffRole.Caseworker) =>
        new(CaseId, Unit, CaseAccessRoute.CaseTeam, new UnitRole(Guid.NewGuid(), role), null, null, scope);

    private static CaseAccess Emergency(StaffRole role = StaffRole.Caseworker) =>
        new(CaseId, Unit, CaseAccessRoute.EmergencyAccess, new UnitRole(Guid.NewGuid(), role), "Akut, ansvarig nås inte.", null);

    [Fact]
    public void The_owning_unit_s_caseworker_may_do_everything()
    {
        foreach (var operation in Enum.GetValues<CaseOperation>()) Owner().Allows(operation).ShouldBeTrue(operation.ToString());
    }

    [Fact]
    public void A_consulted_unit_reads_and_writes_journal_but_cannot_close_the_case()
    {
        var consult = Team(CaseTeamScope.Consult);
        consult.Allows(CaseOperation.Read).ShouldBeTrue();
        consult.Allows(CaseOperation.WriteJournal).ShouldBeTrue();
        consult.Allows(CaseOperation.CloseOrReopen).ShouldBeFalse();
        consult.Allows(CaseOperation.WorkTasks).ShouldBeFalse();
        CasePermissions.Allowed(consult).ShouldBe([CaseOperation.Read, CaseOperation.WriteJournal], ignoreOrder: true);
    }

    [Fact]
    public void A_contributing_unit_also_works_tasks_records_assessments_and_runs_support_but_does_not_decide()
    {
        CasePermissions.Allowed(Team(CaseTeamScope.Contribute)).ShouldBe(
            [CaseOperation.Read, CaseOperation.WriteJournal, CaseOperation.WorkTasks, CaseOperation.RecordAssessments, CaseOperation.RunSupport],
            ignoreOrder: true);
    }

    [Fact]
    public void Full_scope_decides_and_closes_but_team_and_handover_stay_with_the_owner()
    {
        var full = Team(CaseTeamScope.Full);
        full.Allows(CaseOperation.Decide).ShouldBeTrue();
        full.Allows(CaseOperation.CloseOrReopen).ShouldBeTrue();
        full.Allows(CaseOperation.EditCase).ShouldBeTrue();
        full.Allows(CaseOperation.ManageTeam).ShouldBeFalse();
        full.Allows(CaseOperation.HandOver).ShouldBeFalse();
    }

    [Fact]
    public void Emergency_access_reads_and_documents_and_never_decides()
    {
        CasePermissions.Allowed(Emergency(StaffRole.UnitManager)).ShouldBe([CaseOperation.Read, CaseOperation.WriteJournal], ignoreOrder: true);
    }

    [Fact]
    public void A_therapist_does_not_decide_on_an_investigation_even_in_the_owning_unit()
    {
        Owner(StaffRole.Therapist).Allows(CaseOperation.Decide).ShouldBeFalse();
        Owner(StaffRole.Therapist).Allows(CaseOperation.CloseOrReopen).ShouldBeTrue();
        Team(CaseTeamScope.Full, StaffRole.Therapist).Allows(CaseOperation.Decide).ShouldBeFalse();
    }

    [Fact]
    public void A_role_without_case_content_may_do_nothing_whatever_the_route()
    {
        foreach (var role in new[] { StaffRole.SystemAdministrator, StaffRole.Analyst, StaffRole.AuditReviewer })
            CasePermissions.Allowed(Owner(role)).ShouldBeEmpty(role.ToString());
    }

    [Fact]
    public void A_refusal_names_the_operation_as_the_api_does()
    {
        var refusal = CasePermissions.Refusal(Team(CaseTeamScope.Consult), CaseOperation.CloseOrReopen);
        refusal.Operation.ShouldBe("closeOrReopen");
        refusal.Message.ShouldContain("avsluta eller återöppna");
    }

    [Fact]
    public void A_team_unit_joins_as_consulted_when_consulted_and_as_contributor_otherwise()
    {
        CaseTeamMember.DefaultScope(CaseTeamReason.Consultation).ShouldBe(CaseTeamScope.Consult);
        CaseTeamMember.DefaultScope(CaseTeamReason.Handover).ShouldBe(CaseTeamScope.Contribute);
        CaseTeamMember.DefaultScope(CaseTeamReason.Referral).ShouldBe(CaseTeamScope.Contribute);
    }
}
