using Samordna.Core.Staff;

namespace Samordna.Core.Access;

/// <summary>
/// What a role lets a member of staff do. Every page and API endpoint names the one capability it
/// needs; which case or person may be touched is then decided per resource by <see cref="AccessPolicy"/>.
/// </summary>
public enum Capability
{
    /// <summary>Read and write case content and personal data, for cases the policy grants.</summary>
    CaseContent,

    /// <summary>Administer staff, roles and catalogues — never case content (systemförvaltare).</summary>
    Administration,

    /// <summary>Aggregated statistics only (analytiker; also unit managers).</summary>
    Statistics,

    /// <summary>Review the audit log (logggranskare; unit managers for their own units' staff).</summary>
    AuditReview,
}

/// <summary>The one table from roles to capabilities. Change access here, and the access-matrix test says what moved.</summary>
public static class RoleCapabilities
{
    private static readonly IReadOnlyDictionary<StaffRole, Capability[]> Table = new Dictionary<StaffRole, Capability[]>
    {
        [StaffRole.Caseworker] = [Capability.CaseContent],
        [StaffRole.Therapist] = [Capability.CaseContent],
        [StaffRole.TeamLeader] = [Capability.CaseContent],
        [StaffRole.UnitManager] = [Capability.CaseContent, Capability.Statistics, Capability.AuditReview],
        [StaffRole.SystemAdministrator] = [Capability.Administration],
        [StaffRole.Analyst] = [Capability.Statistics],
        [StaffRole.AuditReviewer] = [Capability.AuditReview],
    };

    public static bool Grants(StaffRole role, Capability capability) => Table[role].Contains(capability);

    public static bool Has(this Actor actor, Capability capability) => actor.Roles.Any(r => Grants(r.Role, capability));

    /// <summary>The actor's role that grants <paramref name="capability"/>, the most senior first; null when none does.</summary>
    public static UnitRole? RoleGranting(this Actor actor, Capability capability) =>
        actor.Roles.Where(r => Grants(r.Role, capability)).OrderByDescending(r => r.Role).FirstOrDefault();

    /// <summary>The units in which the actor holds a role granting <paramref name="capability"/>.</summary>
    public static IReadOnlyList<Guid> UnitsWith(this Actor actor, Capability capability) =>
        actor.Roles.Where(r => Grants(r.Role, capability)).Select(r => r.UnitId).Distinct().ToList();
}
