namespace Samordna.Core.Access;

/// <summary>
/// Ärendeteam: a unit other than the owner that works on a case — the treatment unit after a handover,
/// a unit that received a referral. Its staff (in roles with case content) may open the case.
/// </summary>
public sealed class CaseTeamMember : Entity
{
    private CaseTeamMember() { }

    public CaseTeamMember(Guid organisationId, Guid caseId, Guid unitId, CaseTeamReason reason, Guid addedBy, DateTimeOffset addedAt)
    {
        OrganisationId = organisationId;
        CaseId = caseId;
        UnitId = unitId;
        Reason = reason;
        AddedBy = addedBy;
        AddedAt = addedAt;
    }

    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid UnitId { get; private set; }
    public CaseTeamReason Reason { get; private set; }
    public Guid AddedBy { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}

public enum CaseTeamReason
{
    /// <summary>Överlämning: the unit takes over part of the work (e.g. RVT decides, RVC treats).</summary>
    Handover,

    /// <summary>Remiss: the unit was asked to contribute.</summary>
    Referral,

    /// <summary>Konsultation: the unit is consulted on the case.</summary>
    Consultation,
}
