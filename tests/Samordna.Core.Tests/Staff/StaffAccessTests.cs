using Samordna.Core.Access;
using Samordna.Core.Staff;

namespace Samordna.Core.Tests.Staff;

/// <summary>Separation of duties on a member of staff: nobody changes their own access, and what opens case content waits for a second approver.</summary>
public class StaffMemberAccessTests
{
    private static readonly Guid Organisation = Guid.NewGuid();
    private static readonly Guid ViolenceTeam = Guid.NewGuid();
    private static readonly Guid Administration = Guid.NewGuid();
    private static readonly Guid Administrator = Guid.NewGuid();

    private static StaffMember Member(params UnitRole[] roles)
    {
        var member = new StaffMember(Organisation, "anna", "Anna Andersson", null);
        foreach (var role in roles) member.Grant(role.UnitId, role.Role);
        return member;
    }

    private static UnitRole Caseworker => new(ViolenceTeam, StaffRole.Caseworker);
    private static UnitRole Analyst => new(ViolenceTeam, StaffRole.Analyst);
    private static UnitRole SystemAdministrator => new(Administration, StaffRole.SystemAdministrator);

    private static IEnumerable<UnitRole> RolesOf(StaffMember member) => member.Roles.Select(r => new UnitRole(r.UnitId, r.Role));

    [Fact]
    public void A_systemforvaltare_cannot_give_himself_a_caseworker_role()
    {
        var himself = Member(SystemAdministrator);
        Should.Throw<ForbiddenException>(() => himself.ChangeAccess(himself.Id, [SystemAdministrator, Caseworker], null, null, grantsNeedApproval: false));
        RolesOf(himself).ShouldBe([SystemAdministrator]);
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(null, false)]
    public void Nobody_grants_themselves_the_clearance_nor_deactivates_themselves(bool? clearance, bool? active)
    {
        var himself = Member(SystemAdministrator);
        Should.Throw<ForbiddenException>(() => himself.ChangeAccess(himself.Id, null, clearance, active, grantsNeedApproval: false));
        himself.ProtectedDataClearance.ShouldBeFalse();
        himself.Active.ShouldBeTrue();
    }

    [Fact]
    public void Nobody_takes_away_their_own_roles_either()
    {
        var himself = Member(SystemAdministrator, Analyst);
        Should.Throw<ForbiddenException>(() => himself.ChangeAccess(himself.Id, [SystemAdministrator], null, null, grantsNeedApproval: true));
        RolesOf(himself).ShouldBe([SystemAdministrator, Analyst]);
    }

    [Fact]
    public void Restating_one_s_own_access_unchanged_is_no_change_and_is_allowed()
    {
        var himself = Member(SystemAdministrator);
        var change = himself.ChangeAccess(himself.Id, [SystemAdministrator], false, true, grantsNeedApproval: true);
        change.Applied.ShouldBeFalse();
        change.Held.ShouldBeFalse();
    }

    [Fact]
    public void A_role_with_case_content_waits_for_approval_while_a_role_without_applies_at_once()
    {
        var member = Member();
        var change = member.ChangeAccess(Administrator, [Caseworker, Analyst], null, null, grantsNeedApproval: true);
        RolesOf(member).ShouldBe([Analyst]);
        change.HeldRoles.ShouldBe([Caseworker]);
        change.Granted.Select(g => g.Role).ShouldBe([StaffRole.Analyst]);
    }

    [Fact]
    public void The_clearance_waits_for_approval_but_taking_it_away_applies_at_once()
    {
        var member = Member(Caseworker);
        var grant = member.ChangeAccess(Administrator, null, true, null, grantsNeedApproval: true);
        member.ProtectedDataClearance.ShouldBeFalse();
        grant.HeldClearance.ShouldBeTrue();
        grant.Applied.ShouldBeFalse();

        member.SetProtectedDataClearance(true);
        var revoke = member.ChangeAccess(Administrator, null, false, null, grantsNeedApproval: true);
        member.ProtectedDataClearance.ShouldBeFalse();
        revoke.ClearanceChanged.ShouldBeTrue();
        revoke.Held.ShouldBeFalse();
    }

    [Fact]
    public void Revoking_a_role_with_case_content_and_deactivating_never_wait()
    {
        var member = Member(Caseworker, Analyst);
        var change = member.ChangeAccess(Administrator, [Analyst], null, false, grantsNeedApproval: true);
        RolesOf(member).ShouldBe([Analyst]);
        member.Active.ShouldBeFalse();
        change.Revoked.ShouldBe([Caseworker]);
        change.Held.ShouldBeFalse();
    }

    [Fact]
    public void Without_a_second_approver_required_grants_apply_at_once_but_never_to_oneself()
    {
        var member = Member();
        var change = member.ChangeAccess(Administrator, [Caseworker], true, null, grantsNeedApproval: false);
        RolesOf(member).ShouldBe([Caseworker]);
        member.ProtectedDataClearance.ShouldBeTrue();
        change.Held.ShouldBeFalse();

        var himself = Member(SystemAdministrator);
        Should.Throw<ForbiddenException>(() => himself.ChangeAccess(himself.Id, [SystemAdministrator, Caseworker], true, null, grantsNeedApproval: false));
    }
}

public class StaffAccessRequestTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid ViolenceTeam = Guid.NewGuid();
    private readonly Guid _requester = Guid.NewGuid();
    private readonly Guid _approver = Guid.NewGuid();
    private readonly StaffMember _member = new(Guid.NewGuid(), "anna", "Anna Andersson", null);

    private StaffAccessRequest Request(bool clearance = true) =>
        new(_member, _requester, At, [new UnitRole(ViolenceTeam, StaffRole.Caseworker)], clearance);

    [Fact]
    public void Exactly_the_roles_with_case_content_need_a_second_approver() =>
        Enum.GetValues<StaffRole>().Where(StaffAccessRequest.NeedsApproval)
            .ShouldBe([StaffRole.Caseworker, StaffRole.Therapist, StaffRole.TeamLeader, StaffRole.UnitManager]);

    [Fact]
    public void A_new_request_is_pending_and_grants_nothing_yet()
    {
        var request = Request();
        request.Status.ShouldBe(StaffAccessRequestStatus.Pending);
        request.OrganisationId.ShouldBe(_member.OrganisationId);
        _member.Roles.ShouldBeEmpty();
        _member.ProtectedDataClearance.ShouldBeFalse();
    }

    [Fact]
    public void Nobody_asks_for_access_for_themselves() =>
        Should.Throw<ForbiddenException>(() => new StaffAccessRequest(_member, _member.Id, At, [], protectedDataClearance: true));

    [Fact]
    public void A_request_holds_only_grants_that_open_case_content()
    {
        Should.Throw<ArgumentException>(() => new StaffAccessRequest(_member, _requester, At, [new UnitRole(ViolenceTeam, StaffRole.Analyst)], false));
        Should.Throw<ArgumentException>(() => new StaffAccessRequest(_member, _requester, At, [], false));
    }

    [Fact]
    public void Approving_grants_the_roles_and_the_clearance_and_records_who_and_when()
    {
        var request = Request();
        var added = request.Approve(_member, _approver, At.AddHours(1));
        added.Single().Role.ShouldBe(StaffRole.Caseworker);
        _member.Roles.Select(r => (r.UnitId, r.Role)).ShouldBe([(ViolenceTeam, StaffRole.Caseworker)]);
        _member.ProtectedDataClearance.ShouldBeTrue();
        request.Status.ShouldBe(StaffAccessRequestStatus.Approved);
        request.DecidedBy.ShouldBe(_approver);
        request.DecidedAt.ShouldBe(At.AddHours(1));
    }

    [Fact]
    public void A_role_the_member_already_holds_is_not_added_twice()
    {
        _member.Grant(ViolenceTeam, StaffRole.Caseworker);
        Request().Approve(_member, _approver, At).ShouldBeEmpty();
        _member.Roles.Count.ShouldBe(1);
    }

    [Fact]
    public void The_one_who_asked_cannot_approve_or_reject_their_own_request()
    {
        var request = Request();
        Should.Throw<ForbiddenException>(() => request.Approve(_member, _requester, At));
        Should.Throw<ForbiddenException>(() => request.Reject(_requester, At, "Ångrar mig."));
        request.Status.ShouldBe(StaffAccessRequestStatus.Pending);
        _member.Roles.ShouldBeEmpty();
    }

    [Fact]
    public void The_member_concerned_cannot_approve_access_for_themselves()
    {
        var request = Request();
        Should.Throw<ForbiddenException>(() => request.Approve(_member, _member.Id, At));
        _member.ProtectedDataClearance.ShouldBeFalse();
    }

    [Fact]
    public void Rejecting_needs_a_reason_and_leaves_nothing_granted()
    {
        var request = Request();
        Should.Throw<DomainRuleException>(() => request.Reject(_approver, At, " "));
        request.Reject(_approver, At, "  Ingen anställning i enheten.  ");
        request.Status.ShouldBe(StaffAccessRequestStatus.Rejected);
        request.RejectionReason.ShouldBe("Ingen anställning i enheten.");
        _member.Roles.ShouldBeEmpty();
        _member.ProtectedDataClearance.ShouldBeFalse();
    }

    [Fact]
    public void A_request_is_decided_once_and_a_withdrawn_one_not_at_all()
    {
        var approved = Request();
        approved.Approve(_member, _approver, At);
        Should.Throw<DomainRuleException>(() => approved.Reject(_approver, At, "För sent."));

        var bo = new StaffMember(_member.OrganisationId, "bo", "Bo Berg", null);
        var withdrawn = new StaffAccessRequest(bo, _requester, At, [], protectedDataClearance: true);
        withdrawn.Withdraw(_requester, At);
        withdrawn.Status.ShouldBe(StaffAccessRequestStatus.Withdrawn);
        Should.Throw<DomainRuleException>(() => withdrawn.Approve(bo, _approver, At));
        bo.ProtectedDataClearance.ShouldBeFalse();
    }

    [Fact]
    public void A_deactivated_member_is_not_granted_anything()
    {
        var request = Request();
        _member.Deactivate();
        Should.Throw<DomainRuleException>(() => request.Approve(_member, _approver, At));
        _member.Roles.ShouldBeEmpty();
        request.Status.ShouldBe(StaffAccessRequestStatus.Pending);
    }
}
