namespace Samordna.Core.Cases;

/// <summary>
/// Ärende: the social services' record of work with one person — a victim, a person who uses violence,
/// or a child. The cases of one household or relationship are linked through a <see cref="CaseGroup"/>,
/// each with its own owner, so support for the victim and treatment of the perpetrator can run side
/// by side while only the data the work needs crosses between them.
/// </summary>
public sealed class Case : Aggregate
{
    private readonly List<CaseParty> _parties = [];

    private Case() { }

    public Case(Guid organisationId, CaseType type, Guid owningUnitId, Guid subjectPersonId,
        DateTimeOffset receivedAt, Guid openedBy, string? summary)
    {
        OrganisationId = organisationId;
        Type = type;
        OwningUnitId = owningUnitId;
        SubjectPersonId = subjectPersonId;
        ReceivedAt = receivedAt;
        OpenedBy = openedBy;
        Summary = Clean(summary);
        _parties.Add(new CaseParty(organisationId, Id, subjectPersonId, PartyRole.Subject));
    }

    public Guid OrganisationId { get; private set; }
    public CaseType Type { get; private set; }

    /// <summary>The unit that owns the case and answers for it.</summary>
    public Guid OwningUnitId { get; private set; }

    /// <summary>Huvudperson: the person the case is about.</summary>
    public Guid SubjectPersonId { get; private set; }

    /// <summary>Ansvarig handläggare: the member of staff who carries the case day to day.</summary>
    public Guid? ResponsibleStaffId { get; private set; }

    public Guid? CaseGroupId { get; private set; }

    /// <summary>When the matter reached the social services; legal clocks start here.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    public Guid OpenedBy { get; private set; }
    public string? Summary { get; private set; }
    public IReadOnlyList<CaseParty> Parties => _parties;

    public void Describe(string? summary) => Summary = Clean(summary);

    public void AssignTo(Guid? staffMemberId) => ResponsibleStaffId = staffMemberId;

    public void LinkToGroup(CaseGroup? group)
    {
        if (group is not null && group.OrganisationId != OrganisationId)
            throw new DomainRuleException("Ärendet kan bara kopplas till en ärendegrupp i samma kommun.");
        CaseGroupId = group?.Id;
    }

    /// <summary>Adds someone the case concerns besides the subject: a child in the household, the other party, a custodian.</summary>
    public CaseParty AddParty(Guid personId, PartyRole role)
    {
        if (role == PartyRole.Subject)
            throw new DomainRuleException("Ärendet har redan en huvudperson.");
        if (_parties.Any(p => p.PersonId == personId))
            throw new DomainRuleException("Personen är redan part i ärendet.");
        var party = new CaseParty(OrganisationId, Id, personId, role);
        _parties.Add(party);
        return party;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public enum CaseType
{
    /// <summary>Våldsutsatt vuxen: an adult subjected to violence.</summary>
    AdultVictim,

    /// <summary>Våldsutövare: a person who uses violence.</summary>
    Perpetrator,

    /// <summary>Barn: a child who has witnessed or been subjected to violence.</summary>
    Child,
}
