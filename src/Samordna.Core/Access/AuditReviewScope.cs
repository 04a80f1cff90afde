using Samordna.Core.Staff;

namespace Samordna.Core.Access;

/// <summary>
/// Whose log entries a reviewer may read — the access layer's decision for the audit log as a resource:
/// a logggranskare reviews the whole municipality, an enhetschef the staff of the units they manage,
/// anyone else nothing. <see cref="Through"/> is the role the review is made in, for its own log entry.
/// </summary>
public sealed record AuditReviewScope(bool WholeMunicipality, IReadOnlyList<Guid> ManagedUnits, UnitRole? Through)
{
    public static AuditReviewScope Of(Actor actor)
    {
        var reviewer = actor.Roles.FirstOrDefault(r => r.Role == StaffRole.AuditReviewer);
        var managed = actor.Roles.Where(r => r.Role == StaffRole.UnitManager).Select(r => r.UnitId).Distinct().ToList();
        return new AuditReviewScope(reviewer is not null, managed,
            reviewer ?? actor.Roles.FirstOrDefault(r => r.Role == StaffRole.UnitManager));
    }

    public bool MayReview => WholeMunicipality || ManagedUnits.Count > 0;
}
