using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;

namespace Samordna.Core.Audit;

/// <summary>
/// Writes audit entries. An entry is added to the same unit of work as the change it records, so both
/// are stored in one transaction (the data layer seals it into the chain as it saves); a read is
/// recorded and saved before its data is returned, so no read goes unlogged. Call sites say who did
/// what to whom, and through which unit and role; the flags (protected person, nödåtkomst) and the
/// nödåtkomst reason are derived from the subjects when the entry is sealed (<see cref="AuditDerivation"/>),
/// so no call site can forget them.
/// </summary>
public sealed class AuditTrail(DbContext db, TimeProvider clock)
{
    /// <summary>Access to one case through <paramref name="access"/>, and to persons seen in it.</summary>
    public void CaseAccessed(Actor actor, AuditAction action, CaseAccess access, IEnumerable<Guid>? personIds = null)
    {
        var flags = access.Route == CaseAccessRoute.EmergencyAccess ? AuditFlags.EmergencyAccess : AuditFlags.None;
        if (access.ResponsibleStaffId != actor.StaffMemberId) flags |= AuditFlags.OutsideCaseload;
        var subjects = new List<AuditSubject> { AuditSubject.Case(access.CaseId) };
        subjects.AddRange((personIds ?? []).Select(AuditSubject.Person));
        Add(actor, action, access.Through, subjects, flags, access.EmergencyReason);
    }

    /// <summary>
    /// Anything else: a person read or registered, a search with what it returned, an export, a review.
    /// <paramref name="through"/> is the unit role the access used; without it, the actor's role that grants
    /// <paramref name="capability"/> (never simply their first role).
    /// </summary>
    public void Record(Actor actor, AuditAction action, IEnumerable<AuditSubject> subjects, UnitRole? through = null,
        Capability capability = Capability.CaseContent) =>
        Add(actor, action, through ?? actor.RoleGranting(capability), subjects, AuditFlags.None, null);

    /// <summary>
    /// What happened to a member of staff's sign-in account without anyone signed in (a lockout after wrong
    /// passwords): written in the account's municipality, with no actor, from the client that caused it.
    /// </summary>
    public void AccountEvent(Guid organisationId, Guid staffMemberId, AuditAction action, string? clientAddress) =>
        db.Add(new AuditEntry(organisationId, clock.GetUtcNow(), null, "inloggningen", null, null, action, null, clientAddress,
            AuditFlags.None, [AuditSubject.Staff(staffMemberId)]));

    private void Add(Actor actor, AuditAction action, UnitRole? through, IEnumerable<AuditSubject> subjects, AuditFlags flags, string? purpose) =>
        db.Add(new AuditEntry(actor.OrganisationId, clock.GetUtcNow(), actor.StaffMemberId, actor.DisplayName,
            through?.Role.ToString(), through?.UnitId, action, purpose, actor.ClientAddress, flags, subjects));
}
