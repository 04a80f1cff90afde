using Samordna.Core.Access;

namespace Samordna.Core.Cases;

/// <summary>
/// Ärendegrupp: links the separate cases of one household or relationship — the victim's, the
/// perpetrator's and the children's — so the work can be co-ordinated without merging the records.
/// </summary>
public sealed class CaseGroup : Aggregate
{
    private CaseGroup() { }

    public CaseGroup(Guid organisationId, Guid createdByUnitId, CaseGroupKind kind, string label, DateTimeOffset createdAt)
    {
        if (string.IsNullOrWhiteSpace(label)) throw new DomainRuleException("Ärendegruppen behöver en benämning.");
        OrganisationId = organisationId;
        CreatedByUnitId = createdByUnitId;
        Kind = kind;
        Label = label.Trim();
        CreatedAt = createdAt;
    }

    public Guid OrganisationId { get; private set; }

    /// <summary>The unit whose staff created the group: while no case is linked to it, only they may link one.</summary>
    public Guid CreatedByUnitId { get; private set; }

    public CaseGroupKind Kind { get; private set; }

    /// <summary>A working label without personal data, e.g. "Hushåll 2026-14".</summary>
    public string Label { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Whether <paramref name="actor"/> may link a case to the group. A linked case is drawn into the
    /// household's work (a police event in one case gives tasks in the others), so the linker needs a
    /// foothold in the household already: a case in the group that they may open, or — while the group
    /// has no cases — a case-content role in the unit that created it. Knowing the group's id is never enough.
    /// </summary>
    /// <param name="hasCases">Some case is linked to the group (whether or not the actor may open it).</param>
    /// <param name="mayOpenACaseInIt">The actor may open at least one of the group's cases.</param>
    public bool AdmitsLinkBy(Actor actor, bool hasCases, bool mayOpenACaseInIt) =>
        hasCases ? mayOpenACaseInIt : actor.UnitsWith(Capability.CaseContent).Contains(CreatedByUnitId);
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
