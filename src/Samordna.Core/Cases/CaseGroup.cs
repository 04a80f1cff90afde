namespace Samordna.Core.Cases;

/// <summary>
/// Ärendegrupp: links the separate cases of one household or relationship — the victim's, the
/// perpetrator's and the children's — so the work can be co-ordinated without merging the records.
/// </summary>
public sealed class CaseGroup : Aggregate
{
    private CaseGroup() { }

    public CaseGroup(Guid organisationId, CaseGroupKind kind, string label, DateTimeOffset createdAt)
    {
        if (string.IsNullOrWhiteSpace(label)) throw new DomainRuleException("Ärendegruppen behöver en benämning.");
        OrganisationId = organisationId;
        Kind = kind;
        Label = label.Trim();
        CreatedAt = createdAt;
    }

    public Guid OrganisationId { get; private set; }
    public CaseGroupKind Kind { get; private set; }

    /// <summary>A working label without personal data, e.g. "Hushåll 2026-14".</summary>
    public string Label { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}

public enum CaseGroupKind
{
    /// <summary>Hushåll: people living together, usually with children.</summary>
    Household,

    /// <summary>Relation: a couple or ex-couple who do not (or no longer) live together.</summary>
    Relationship,

    /// <summary>Hedersrelaterat: a family or kin network with several people using violence.</summary>
    HonourNetwork,
}
