namespace Samordna.Core.Cases;

/// <summary>Part i ärendet: a person the case concerns, and how.</summary>
public sealed class CaseParty : Entity
{
    private CaseParty() { }

    internal CaseParty(Guid organisationId, Guid caseId, Guid personId, PartyRole role)
    {
        OrganisationId = organisationId;
        CaseId = caseId;
        PersonId = personId;
        Role = role;
    }

    public Guid OrganisationId { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid PersonId { get; private set; }
    public PartyRole Role { get; private set; }

    internal void ConcernPerson(Guid personId) => PersonId = personId;
}

public enum PartyRole
{
    /// <summary>Huvudperson: whom the case is about.</summary>
    Subject,

    /// <summary>A child in the household (barn i hushållet).</summary>
    Child,

    /// <summary>The person said to use violence, as seen from the victim's case.</summary>
    AllegedPerpetrator,

    /// <summary>The person subjected to violence, as seen from the perpetrator's case (partnerkontakt).</summary>
    Victim,

    /// <summary>Vårdnadshavare.</summary>
    Custodian,

    /// <summary>Another relative or person close to the subject.</summary>
    Relative,
}
