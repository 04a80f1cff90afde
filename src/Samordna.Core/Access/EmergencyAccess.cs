namespace Samordna.Core.Access;

/// <summary>
/// Nödåtkomst: a member of staff opens a case outside their rights because something cannot wait
/// (e.g. the social emergency service at night). It needs a reason, lasts a limited time, and every
/// use is written to the audit log flagged for review.
/// </summary>
public sealed class EmergencyAccess : Entity
{
    public const int MinimumReasonLength = 10;

    private EmergencyAccess() { }

    public EmergencyAccess(Guid organisationId, Guid staffMemberId, Guid caseId, string reason, DateTimeOffset grantedAt, TimeSpan duration)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < MinimumReasonLength)
            throw new DomainRuleException($"Nödåtkomst kräver ett skäl på minst {MinimumReasonLength} tecken.");
        OrganisationId = organisationId;
        StaffMemberId = staffMemberId;
        CaseId = caseId;
        Reason = reason.Trim();
        GrantedAt = grantedAt;
        ExpiresAt = grantedAt + duration;
    }

    public Guid OrganisationId { get; private set; }
    public Guid StaffMemberId { get; private set; }
    public Guid CaseId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset GrantedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
}

/// <summary>How long nödåtkomst lasts. Bound from configuration section Samordna:Access.</summary>
public sealed class AccessSettings
{
    public const string Section = "Samordna:Access";

    /// <summary><c>Samordna:Access:EmergencyAccessHours</c>: how long nödåtkomst to a case lasts before it must be taken again.</summary>
    [System.ComponentModel.DataAnnotations.Range(0.25, 24, ErrorMessage = "must be between 0.25 and 24 (hours)")]
    public double EmergencyAccessHours { get; set; } = 4;
    public TimeSpan EmergencyAccessDuration => TimeSpan.FromHours(EmergencyAccessHours);
}
