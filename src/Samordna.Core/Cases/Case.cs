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
        DateTimeOffset receivedAt, Guid openedBy, string? summary, Intake? intake = null)
    {
        OrganisationId = organisationId;
        Intake = intake ?? new Intake(IntakeChannel.Application, null, owningUnitId);
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

    /// <summary>Aktualisering: the channel the matter came through, and the unit that received it.</summary>
    public Intake Intake { get; private set; } = null!;

    /// <summary>Codes from the shared classification (violence forms, context, exposure).</summary>
    public List<string> Classification { get; private set; } = [];

    public CaseStatus Status { get; private set; }

    /// <summary>The investigation track: aktualiserad → utredning → beslut (or no investigation, with a reason).</summary>
    public InvestigationState Investigation { get; private set; }

    public DateTimeOffset? InvestigationStartedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why no investigation was opened (förhandsbedömning "inte inleda", or an adult who declines).</summary>
    public string? NoInvestigationReason { get; private set; }

    /// <summary>The support track (friyta talks, interventions): may start while the investigation is still open.</summary>
    public DateTimeOffset? SupportStartedAt { get; private set; }

    public DateTimeOffset? SupportEndedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosingReason { get; private set; }
    public string? ReopeningReason { get; private set; }

    public bool SupportActive => SupportStartedAt is not null && SupportEndedAt is null;

    public void Classify(IEnumerable<string> codes) => Classification = codes.Distinct().Order().ToList();

    /// <summary>Inleda utredning.</summary>
    public void StartInvestigation(DateTimeOffset at)
    {
        EnsureOpen();
        if (Investigation != InvestigationState.Initiated)
            throw new DomainRuleException(Investigation == InvestigationState.Investigating
                ? "Utredningen är redan inledd."
                : "Frågan om utredning är redan avgjord i ärendet.");
        Investigation = InvestigationState.Investigating;
        InvestigationStartedAt = at;
    }

    /// <summary>Inte inleda utredning (after a förhandsbedömning, or when an adult declines): needs a reason.</summary>
    public void DecideNotToInvestigate(string? reason, DateTimeOffset at)
    {
        EnsureOpen();
        if (Investigation != InvestigationState.Initiated)
            throw new DomainRuleException("Beslutet att inte inleda utredning kan bara fattas innan en utredning har inletts.");
        NoInvestigationReason = Required(reason, "Ange skälet till att utredning inte inleds.");
        Investigation = InvestigationState.NotOpened;
        DecidedAt = at;
    }

    /// <summary>Beslut: the investigation is finished with a decision. The law requires the investigation first.</summary>
    public void Decide(DateTimeOffset at)
    {
        EnsureOpen();
        if (Investigation != InvestigationState.Investigating)
            throw new DomainRuleException("Ett beslut kräver en inledd utredning: inled utredningen först.");
        Investigation = InvestigationState.Decided;
        DecidedAt = at;
    }

    /// <summary>Stöd: talks or interventions start, with or without a decision, also while the investigation is open.</summary>
    public void StartSupport(DateTimeOffset at)
    {
        EnsureOpen();
        if (SupportActive) throw new DomainRuleException("Stödet pågår redan.");
        SupportStartedAt = at;
        SupportEndedAt = null;
    }

    public void EndSupport(DateTimeOffset at)
    {
        if (!SupportActive) throw new DomainRuleException("Inget stöd pågår i ärendet.");
        SupportEndedAt = at;
    }

    /// <summary>Avsluta: needs a reason, and no required task may be left open (e.g. a child in the household not yet reported).</summary>
    public void Close(string? reason, DateTimeOffset at, IReadOnlyCollection<string> openRequiredTasks)
    {
        EnsureOpen();
        var why = Required(reason, "Ange skälet till att ärendet avslutas.");
        if (openRequiredTasks.Count > 0)
            throw new DomainRuleException("Ärendet kan inte avslutas: obligatoriska uppgifter återstår – " + string.Join("; ", openRequiredTasks) +
                ". Slutför dem eller ange skäl för att de inte görs.");
        if (SupportActive) SupportEndedAt = at;
        Status = CaseStatus.Closed;
        ClosedAt = at;
        ClosingReason = why;
    }

    /// <summary>Återöppna: needs a reason.</summary>
    public void Reopen(string? reason)
    {
        if (Status != CaseStatus.Closed) throw new DomainRuleException("Ärendet är inte avslutat.");
        ReopeningReason = Required(reason, "Ange skälet till att ärendet öppnas igen.");
        Status = CaseStatus.Open;
        ClosedAt = null;
    }

    public void EnsureOpen()
    {
        if (Status == CaseStatus.Closed) throw new DomainRuleException("Ärendet är avslutat. Öppna det igen, med skäl, för att ändra det.");
    }

    private static string Required(string? text, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainRuleException(message) : text.Trim();

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
        EnsureOpen();
        if (role == PartyRole.Subject)
            throw new DomainRuleException("Ärendet har redan en huvudperson.");
        if (_parties.Any(p => p.PersonId == personId))
            throw new DomainRuleException("Personen är redan part i ärendet.");
        var party = new CaseParty(OrganisationId, Id, personId, role);
        _parties.Add(party);
        return party;
    }

    /// <summary>
    /// After a merge of two records of one person: the case names the kept record where it named the other.
    /// A case that names both cannot be merged this way; the unit must sort out the parties first.
    /// </summary>
    internal void ReplaceParty(Guid from, Guid to)
    {
        if (_parties.Any(p => p.PersonId == to) && _parties.Any(p => p.PersonId == from))
            throw new DomainRuleException("Båda posterna är parter i samma ärende. Ta bort den ena som part innan posterna slås samman.");
        foreach (var party in _parties.Where(p => p.PersonId == from)) party.ConcernPerson(to);
        if (SubjectPersonId == from) SubjectPersonId = to;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public enum CaseStatus { Open, Closed }

public enum InvestigationState
{
    /// <summary>Aktualiserad: received, no investigation started yet.</summary>
    Initiated,

    /// <summary>Utredning pågår.</summary>
    Investigating,

    /// <summary>Beslut fattat efter utredning.</summary>
    Decided,

    /// <summary>Utredning inleds inte (with a reason).</summary>
    NotOpened,
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
