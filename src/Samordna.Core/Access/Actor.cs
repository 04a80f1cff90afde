using Samordna.Core.Staff;

namespace Samordna.Core.Access;

/// <summary>
/// Who is asking: the signed-in member of staff with their roles, resolved fresh for every request so a
/// withdrawn role takes effect at once. Every use case takes one; nothing reads personal data without it.
/// </summary>
/// <param name="ProtectedDataClearance">Behörighet för skyddade personuppgifter: may see a protected person's whereabouts in cases they can open.</param>
/// <param name="ClientAddress">Where the request came from, for the audit log.</param>
public sealed record Actor(Guid StaffMemberId, Guid OrganisationId, string DisplayName, IReadOnlyList<UnitRole> Roles,
    bool ProtectedDataClearance = false, string? ClientAddress = null)
{
    public IEnumerable<Guid> UnitIds => Roles.Select(r => r.UnitId).Distinct();

    public bool HasRole(StaffRole role) => Roles.Any(r => r.Role == role);
}

public sealed record UnitRole(Guid UnitId, StaffRole Role);
