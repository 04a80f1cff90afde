using FluentValidation;
using Samordna.Core.Access;

namespace Samordna.Core.Staff;

/// <summary>
/// Behörighetsbeställning: a grant that opens case content — a role with case content in a unit, or the
/// protected-data clearance — asked for by one systemförvaltare and waiting for another to approve or
/// reject. Separation of duties: no single administrator can give anyone (least of all a second account
/// of their own) the right to read where a protected person lives. Taking access away never waits.
/// </summary>
public sealed class StaffAccessRequest : Aggregate
{
    public const int MaxRejectionReasonLength = 1_000;

    private readonly List<RequestedRole> _roles = [];

    private StaffAccessRequest() { }

    public StaffAccessRequest(StaffMember member, Guid requestedBy, DateTimeOffset requestedAt, IEnumerable<UnitRole> roles, bool protectedDataClearance)
    {
        if (requestedBy == member.Id) throw new ForbiddenException(OwnAccess);
        var wanted = roles.Distinct().ToList();
        if (wanted.FirstOrDefault(r => !NeedsApproval(r.Role)) is { } plain)
            throw new ArgumentException($"{plain.Role} opens no case content and is granted without a request.", nameof(roles));
        if (wanted.Count == 0 && !protectedDataClearance)
            throw new ArgumentException("A request grants at least a role or the clearance.", nameof(roles));
        OrganisationId = member.OrganisationId;
        StaffMemberId = member.Id;
        RequestedBy = requestedBy;
        RequestedAt = requestedAt;
        ProtectedDataClearance = protectedDataClearance;
        _roles.AddRange(wanted.Select(r => new RequestedRole(Id, r.UnitId, r.Role)));
    }

    internal const string OwnAccess =
        "Du kan inte ändra dina egna roller eller din egen behörighet, och inte aktivera eller inaktivera ditt eget konto. Be en annan systemförvaltare.";

    /// <summary>Whether granting <paramref name="role"/> waits for a second systemförvaltare: it does when the role opens case content.</summary>
    public static bool NeedsApproval(StaffRole role) => RoleCapabilities.Grants(role, Capability.CaseContent);

    public Guid OrganisationId { get; private set; }

    /// <summary>The member of staff who is to get the access.</summary>
    public Guid StaffMemberId { get; private set; }

    public Guid RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>Roles with case content to grant, per unit; the member keeps the roles they have.</summary>
    public IReadOnlyList<RequestedRole> Roles => _roles;

    /// <summary>Whether the request grants the behörighet för skyddade personuppgifter.</summary>
    public bool ProtectedDataClearance { get; private set; }

    public StaffAccessRequestStatus Status { get; private set; }

    /// <summary>Who approved, rejected or (by a later change of the member's access) withdrew it.</summary>
    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }
    public string? RejectionReason { get; private set; }

    /// <summary>
    /// Godkänn: a second systemförvaltare — neither the one who asked nor the member concerned — grants what
    /// was asked. Returns the role assignments it added (roles the member already holds are not added twice).
    /// </summary>
    public IReadOnlyList<RoleAssignment> Approve(StaffMember member, Guid approvedBy, DateTimeOffset at)
    {
        if (member.Id != StaffMemberId) throw new ArgumentException("The request is for another member of staff.", nameof(member));
        EnsureDecidableBy(approvedBy);
        if (!member.Active) throw new DomainRuleException("Medarbetaren är inaktiverad; aktivera kontot och beställ behörigheten på nytt.");
        var added = _roles.Select(r => member.Grant(r.UnitId, r.Role)).OfType<RoleAssignment>().ToList();
        if (ProtectedDataClearance) member.SetProtectedDataClearance(true);
        Decide(StaffAccessRequestStatus.Approved, approvedBy, at);
        return added;
    }

    /// <summary>Avslå: a second systemförvaltare refuses the request and says why; nothing is granted.</summary>
    public void Reject(Guid rejectedBy, DateTimeOffset at, string? reason)
    {
        EnsureDecidableBy(rejectedBy);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("Ange skälet till att beställningen avslås.");
        RejectionReason = reason.Trim();
        Decide(StaffAccessRequestStatus.Rejected, rejectedBy, at);
    }

    /// <summary>
    /// A later change of the member's access replaces the request: it was asked for against access that no
    /// longer holds, so approving it could grant what the later change meant to take away.
    /// </summary>
    public void Withdraw(Guid changedBy, DateTimeOffset at)
    {
        EnsurePending();
        Decide(StaffAccessRequestStatus.Withdrawn, changedBy, at);
    }

    private void EnsureDecidableBy(Guid staffMemberId)
    {
        EnsurePending();
        if (staffMemberId == RequestedBy)
            throw new ForbiddenException("Du kan inte själv besluta om en behörighet du har beställt. En annan systemförvaltare ska godkänna eller avslå den.");
        if (staffMemberId == StaffMemberId) throw new ForbiddenException(OwnAccess);
    }

    private void EnsurePending()
    {
        if (Status != StaffAccessRequestStatus.Pending)
            throw new DomainRuleException(Status switch
            {
                StaffAccessRequestStatus.Approved => "Beställningen är redan godkänd.",
                StaffAccessRequestStatus.Rejected => "Beställningen är redan avslagen.",
                _ => "Beställningen har ersatts av en senare ändring av medarbetarens behörighet.",
            });
    }

    private void Decide(StaffAccessRequestStatus status, Guid by, DateTimeOffset at)
    {
        Status = status;
        DecidedBy = by;
        DecidedAt = at;
    }
}

/// <summary>One role in one unit that a <see cref="StaffAccessRequest"/> grants.</summary>
public sealed class RequestedRole : Entity
{
    private RequestedRole() { }

    internal RequestedRole(Guid requestId, Guid unitId, StaffRole role)
    {
        RequestId = requestId;
        UnitId = unitId;
        Role = role;
    }

    public Guid RequestId { get; private set; }
    public Guid UnitId { get; private set; }
    public StaffRole Role { get; private set; }
}

public enum StaffAccessRequestStatus
{
    /// <summary>Waiting for a second systemförvaltare.</summary>
    Pending,

    Approved,

    /// <summary>Refused, with a reason; nothing was granted.</summary>
    Rejected,

    /// <summary>Replaced by a later change of the member's access before anyone decided.</summary>
    Withdrawn,
}

/// <summary>Godkänn: <see cref="Version"/> is the request's version as read, so what is approved is what was seen.</summary>
public sealed record ApproveStaffAccessRequest(long? Version);

/// <summary>Avslå, with the reason the one who asked will read.</summary>
public sealed record RejectStaffAccessRequest(long? Version, string? Reason);

public sealed class ApproveStaffAccessRequestValidator : AbstractValidator<ApproveStaffAccessRequest>
{
    public ApproveStaffAccessRequestValidator() =>
        RuleFor(c => c.Version).NotNull().WithMessage("Ange vilken version av beställningen du har läst.");
}

public sealed class RejectStaffAccessRequestValidator : AbstractValidator<RejectStaffAccessRequest>
{
    public RejectStaffAccessRequestValidator()
    {
        RuleFor(c => c.Version).NotNull().WithMessage("Ange vilken version av beställningen du har läst.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Ange skälet till att beställningen avslås.")
            .MaximumLength(StaffAccessRequest.MaxRejectionReasonLength);
        RuleFor(c => c.Reason).Text(TextKind.FreeText);
    }
}

/// <summary>
/// Configuration <c>Samordna:Staff</c>. <see cref="RequireSecondApprover"/> is on unless a municipality
/// with a single systemförvaltare turns it off; even then nobody changes their own access.
/// </summary>
public sealed class StaffSettings
{
    public const string Section = "Samordna:Staff";

    /// <summary><c>Samordna:Staff:RequireSecondApprover</c>: roles with case content and the clearance wait for a second systemförvaltare.</summary>
    public bool RequireSecondApprover { get; set; } = true;
}
