namespace Samordna.Core.Access;

/// <summary>
/// Ärendeteam: a unit other than the owner that works on a case — the treatment unit after a handover,
/// a unit that received a referral. Its staff (in roles with case content) may open the case, and do
/// in it what the <see cref="Scope"/> the owning unit gave allows (see <see cref="CasePermissions"/>).
/// </summary>
public sealed class CaseTeamMember : Entity
{
    private CaseTeamMember() { }

    public CaseTeamMember(Guid organisationId, Guid caseId, Guid unitId, CaseTeamReason reason, Guid addedBy, DateTimeOffset addedAt,
        CaseTeamScope? scope = null)
    {
        OrganisationId = organisationId;
        CaseId = caseId;
        UnitId = unitId;
        Reason = reason;
        AddedBy = addedBy;
        AddedAt = addedAt;
        Scope = scope ?? DefaultScope(reason);
    }

    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid UnitId { get; private set; }
    public CaseTeamReason Reason { get; private set; }
    public Guid AddedBy { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>What the unit may do in the case; given by the owning unit.</summary>
    public CaseTeamScope Scope { get; private set; }

    /// <summary>
    /// The scope when the owner names none: a consulted unit reads and writes notes; a unit that takes over
    /// part of the work (treatment after a handover, a referral) contributes. Deciding stays with the owner
    /// unless it gives full scope on purpose.
    /// </summary>
    public static CaseTeamScope DefaultScope(CaseTeamReason reason) =>
        reason == CaseTeamReason.Consultation ? CaseTeamScope.Consult : CaseTeamScope.Contribute;
}

/// <summary>How far a unit on the case team may work in the case. Ordered from least to most.</summary>
public enum CaseTeamScope
{
    /// <summary>Konsultation: read the case and write journal entries.</summary>
    Consult,

    /// <summary>Medverka: also work tasks, record assessments and run the support track.</summary>
    Contribute,

    /// <summary>Fullt ansvar: also decide, change the case, close and reopen it. Managing the team and handing over stay with the owner.</summary>
    Full,
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
