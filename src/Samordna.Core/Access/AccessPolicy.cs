using Microsoft.EntityFrameworkCore;
using Samordna.Core.Cases;
using Samordna.Core.People;

namespace Samordna.Core.Access;

/// <summary>How the actor came to see a case: the unit and role that granted it, or nödåtkomst.</summary>
public sealed record CaseAccess(Guid CaseId, Guid OwningUnitId, CaseAccessRoute Route, UnitRole? Through, string? EmergencyReason, Guid? ResponsibleStaffId);

public enum CaseAccessRoute { OwningUnit, CaseTeam, EmergencyAccess }

/// <summary>
/// The one place that decides which cases and persons a member of staff may see. A case is open to
/// staff with a case-content role in the unit that owns it or in a unit on its case team, and — for a
/// limited time, with a logged reason — to staff who took nödåtkomst. Nothing crosses municipalities.
/// A person is visible through a case that is, or, while in no case at all, to anyone with case content.
/// Callers turn "no access" into NotFound, exactly as for a missing id.
/// </summary>
public sealed class AccessPolicy(DbContext db, TimeProvider clock)
{
    public IQueryable<Case> ReadableCases(Actor actor)
    {
        var units = actor.UnitsWith(Capability.CaseContent);
        var mayUseEmergencyAccess = units.Count > 0;
        var staff = actor.StaffMemberId;
        var now = clock.GetUtcNow();
        return db.Set<Case>().Where(c => c.OrganisationId == actor.OrganisationId && (
            units.Contains(c.OwningUnitId) ||
            db.Set<CaseTeamMember>().Any(t => t.CaseId == c.Id && units.Contains(t.UnitId)) ||
            (mayUseEmergencyAccess && db.Set<EmergencyAccess>().Any(e => e.CaseId == c.Id && e.StaffMemberId == staff && e.ExpiresAt > now))));
    }

    public IQueryable<Person> ReadablePeople(Actor actor)
    {
        var readableCases = ReadableCases(actor).Select(c => c.Id);
        var hasCaseContent = actor.Has(Capability.CaseContent);
        return db.Set<Person>().Where(p => p.OrganisationId == actor.OrganisationId && hasCaseContent && (
            db.Set<CaseParty>().Any(party => party.PersonId == p.Id && readableCases.Contains(party.CaseId)) ||
            !db.Set<CaseParty>().Any(party => party.PersonId == p.Id)));
    }

    /// <summary>The actor's access to one case, or null when they have none (or it does not exist).</summary>
    public async Task<CaseAccess?> ForCase(Actor actor, Guid caseId, CancellationToken ct)
    {
        var units = actor.UnitsWith(Capability.CaseContent);
        if (units.Count == 0) return null;
        var c = await db.Set<Case>().AsNoTracking()
            .Where(x => x.Id == caseId && x.OrganisationId == actor.OrganisationId)
            .Select(x => new { x.Id, x.OwningUnitId, x.ResponsibleStaffId })
            .SingleOrDefaultAsync(ct);
        if (c is null) return null;

        if (units.Contains(c.OwningUnitId))
            return new(c.Id, c.OwningUnitId, CaseAccessRoute.OwningUnit, BestRoleIn(actor, c.OwningUnitId), null, c.ResponsibleStaffId);

        var teamUnit = await db.Set<CaseTeamMember>().Where(t => t.CaseId == caseId && units.Contains(t.UnitId))
            .Select(t => (Guid?)t.UnitId).FirstOrDefaultAsync(ct);
        if (teamUnit is { } unit)
            return new(c.Id, c.OwningUnitId, CaseAccessRoute.CaseTeam, BestRoleIn(actor, unit), null, c.ResponsibleStaffId);

        var now = clock.GetUtcNow();
        var emergency = await db.Set<EmergencyAccess>().AsNoTracking()
            .Where(e => e.CaseId == caseId && e.StaffMemberId == actor.StaffMemberId && e.ExpiresAt > now)
            .OrderByDescending(e => e.ExpiresAt).FirstOrDefaultAsync(ct);
        return emergency is null ? null
            : new(c.Id, c.OwningUnitId, CaseAccessRoute.EmergencyAccess, BestRoleIn(actor, units[0]), emergency.Reason, c.ResponsibleStaffId);
    }

    /// <summary>Like <see cref="ForCase"/>, but a case the actor may not open answers exactly like a missing one.</summary>
    public async Task<CaseAccess> RequireCase(Actor actor, Guid caseId, CancellationToken ct) =>
        await ForCase(actor, caseId, ct) ?? throw new NotFoundException("Ärendet", caseId);

    /// <summary>The person, if the actor may see them; otherwise the same NotFound as for a missing id.</summary>
    public async Task<Person> RequirePerson(Actor actor, Guid personId, CancellationToken ct) =>
        await ReadablePeople(actor).AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct)
        ?? throw new NotFoundException("Personen", personId);

    /// <summary>
    /// Address, phone, e-mail and whereabouts of a person with skyddade personuppgifter are shown only to
    /// staff with the protected-data clearance — and only for persons they can see at all.
    /// </summary>
    public static bool MayViewContact(Actor actor, ProtectedIdentityLevel level) =>
        level == ProtectedIdentityLevel.None || actor.ProtectedDataClearance;

    /// <summary>The unit role the actor uses for case content in a unit, the most senior first.</summary>
    public static UnitRole? BestRoleIn(Actor actor, Guid unitId) =>
        actor.Roles.Where(r => r.UnitId == unitId && RoleCapabilities.Grants(r.Role, Capability.CaseContent))
            .OrderByDescending(r => r.Role).FirstOrDefault();
}
