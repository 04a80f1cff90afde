using Samordna.Core.Access;

namespace Samordna.Core.Staff;

/// <summary>
/// A member of staff who signs in. The sign-in account (password, lockout) lives in the data layer's
/// identity store under the same id; this is who the person is in the work: name and roles per unit.
/// </summary>
public sealed class StaffMember : Aggregate
{
    private readonly List<RoleAssignment> _roles = [];

    private StaffMember() { }

    public StaffMember(Guid organisationId, string userName, string displayName, string? email)
    {
        OrganisationId = organisationId;
        UserName = userName.Trim();
        DisplayName = displayName.Trim();
        Email = email?.Trim();
        Active = true;
    }

    public Guid OrganisationId { get; private set; }
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string? Email { get; private set; }
    public bool Active { get; private set; }
    public IReadOnlyList<RoleAssignment> Roles => _roles;

    /// <summary>Behörighet för skyddade personuppgifter: may see where a protected person lives, in cases they can open.</summary>
    public bool ProtectedDataClearance { get; private set; }

    /// <summary>The staff member's own personnummer (canonical), so the log review can flag access to their own record.</summary>
    public string? IdentityNumber { get; private set; }

    /// <summary>Home street address, so the log review can flag access to relatives' records (same surname and address).</summary>
    public string? HomeAddress { get; private set; }

    /// <summary>The last word of the display name, used as surname by the log review.</summary>
    public string FamilyName => DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";

    /// <summary>Gives the role; returns the new assignment, or null when the member already had it.</summary>
    public RoleAssignment? Grant(Guid unitId, StaffRole role)
    {
        if (_roles.Any(r => r.UnitId == unitId && r.Role == role)) return null;
        var assignment = new RoleAssignment(Id, unitId, role);
        _roles.Add(assignment);
        return assignment;
    }

    public void Revoke(Guid unitId, StaffRole role) => _roles.RemoveAll(r => r.UnitId == unitId && r.Role == role);

    public void SetProtectedDataClearance(bool granted) => ProtectedDataClearance = granted;

    /// <summary>
    /// Ändra behörighet: sets the roles (all of them, when <paramref name="roles"/> is given), the clearance and
    /// whether the account is active, as <paramref name="changedBy"/> asks. Nobody changes their own access: a
    /// systemförvaltare who could give himself a caseworker role and the clearance could read any protected
    /// person's address. Taking away applies at once; what opens case content — a role with case content, the
    /// clearance — is held back when <paramref name="grantsNeedApproval"/>, for a <see cref="StaffAccessRequest"/>.
    /// </summary>
    public StaffAccessChange ChangeAccess(Guid changedBy, IReadOnlyCollection<UnitRole>? roles, bool? clearance, bool? active, bool grantsNeedApproval)
    {
        var current = _roles.Select(r => new UnitRole(r.UnitId, r.Role)).ToList();
        var wanted = roles?.Distinct().ToList() ?? current;
        var revoked = current.Except(wanted).ToList();
        var added = wanted.Except(current).ToList();
        var heldRoles = grantsNeedApproval ? added.Where(r => StaffAccessRequest.NeedsApproval(r.Role)).ToList() : [];
        var clearanceChanges = clearance is { } wantsClearance && wantsClearance != ProtectedDataClearance;
        var heldClearance = grantsNeedApproval && clearanceChanges && clearance == true;
        var activeChanges = active is { } wantsActive && wantsActive != Active;
        if (changedBy == Id && (revoked.Count > 0 || added.Count > 0 || clearanceChanges || activeChanges))
            throw new ForbiddenException(StaffAccessRequest.OwnAccess);

        foreach (var role in revoked) Revoke(role.UnitId, role.Role);
        var granted = added.Except(heldRoles).Select(r => Grant(r.UnitId, r.Role)!).ToList();
        if (clearanceChanges && !heldClearance) ProtectedDataClearance = clearance!.Value;
        if (activeChanges) Active = active!.Value;
        return new StaffAccessChange(granted, revoked, clearanceChanges && !heldClearance, activeChanges, heldRoles, heldClearance);
    }

    public void SetPrivateDetails(string? identityNumber, string? homeAddress)
    {
        IdentityNumber = string.IsNullOrWhiteSpace(identityNumber) ? null : identityNumber.Trim();
        HomeAddress = string.IsNullOrWhiteSpace(homeAddress) ? null : homeAddress.Trim();
    }

    public void Deactivate() => Active = false;

    public void Activate() => Active = true;
}

/// <summary>What <see cref="StaffMember.ChangeAccess"/> did at once, and what it held back for a second systemförvaltare.</summary>
/// <param name="Granted">Role assignments added, for the unit of work.</param>
public sealed record StaffAccessChange(IReadOnlyList<RoleAssignment> Granted, IReadOnlyList<UnitRole> Revoked, bool ClearanceChanged,
    bool ActiveChanged, IReadOnlyList<UnitRole> HeldRoles, bool HeldClearance)
{
    /// <summary>Something changed at once.</summary>
    public bool Applied => Granted.Count > 0 || Revoked.Count > 0 || ClearanceChanged || ActiveChanged;

    /// <summary>Something waits for a <see cref="StaffAccessRequest"/>.</summary>
    public bool Held => HeldRoles.Count > 0 || HeldClearance;
}

/// <summary>One role a member of staff holds in one unit.</summary>
public sealed class RoleAssignment : Entity
{
    private RoleAssignment() { }

    internal RoleAssignment(Guid staffMemberId, Guid unitId, StaffRole role)
    {
        StaffMemberId = staffMemberId;
        UnitId = unitId;
        Role = role;
    }

    public Guid StaffMemberId { get; private set; }
    public Guid UnitId { get; private set; }
    public StaffRole Role { get; private set; }
}

public enum StaffRole
{
    /// <summary>Handläggare / socialsekreterare: investigates and decides, owns a caseload.</summary>
    Caseworker,

    /// <summary>Behandlare: gives treatment and support talks.</summary>
    Therapist,

    /// <summary>Gruppledare: leads a team, no own caseload.</summary>
    TeamLeader,

    /// <summary>Enhetschef: manages a unit.</summary>
    UnitManager,

    /// <summary>Systemförvaltare: administers users and catalogues; sees no case content.</summary>
    SystemAdministrator,

    /// <summary>Analytiker: sees aggregated statistics only.</summary>
    Analyst,

    /// <summary>Logggranskare: reviews the audit log; sees no case content.</summary>
    AuditReviewer,
}
