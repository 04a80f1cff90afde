using Microsoft.EntityFrameworkCore;
using Samordna.Core.Cases;
using Samordna.Core.People;

namespace Samordna.Core.Access;

/// <summary>How the actor came to see a case: the unit and role that granted it, or nödåtkomst; on the case team, with the scope it has.</summary>
public sealed record CaseAccess(Guid CaseId, Guid OwningUnitId, CaseAccessRoute Route, UnitRole? Through, string? EmergencyReason, Guid? ResponsibleStaffId,
    CaseTeamScope? TeamScope = null)
{
    public bool Allows(CaseOperation operation) => CasePermissions.Allows(this, operation);
}

public enum CaseAccessRoute { OwningUnit, CaseTeam, EmergencyAccess }

/// <summary>
/// The one place that decides which cases and persons a member of staff may see, and — through
/// <see cref="CasePermissions"/> — what they may do there. A case is open to staff with a case-content
/// role in the unit that owns it or in a unit on its case team, and — for a limited time, with a logged
/// reason — to staff who took nödåtkomst. Nothing crosses municipalities. A person is visible through a
/// case that is, and to the unit that registered them (so a person registered before any case is theirs,
/// and nobody loses sight of a person by what another unit does). Callers turn "no access" into NotFound,
/// exactly as for a missing id.
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

    /// <summary>The cases open to the actor through their own units (owner or case team), without nödåtkomst.</summary>
    public IQueryable<Case> OrdinarilyReadableCases(Actor actor)
    {
        var units = actor.UnitsWith(Capability.CaseContent);
        return db.Set<Case>().Where(c => c.OrganisationId == actor.OrganisationId && (
            units.Contains(c.OwningUnitId) ||
            db.Set<CaseTeamMember>().Any(t => t.CaseId == c.Id && units.Contains(t.UnitId))));
    }

    public IQueryable<Person> ReadablePeople(Actor actor) => Visible(actor, ReadableCases(actor));

    /// <summary>The persons visible to the actor without nödåtkomst; the audit log tells the two apart.</summary>
    public IQueryable<Person> OrdinarilyReadablePeople(Actor actor) => Visible(actor, OrdinarilyReadableCases(actor));

    private IQueryable<Person> Visible(Actor actor, IQueryable<Case> cases)
    {
        var readableCases = cases.Select(c => c.Id);
        var units = actor.UnitsWith(Capability.CaseContent);
        var hasCaseContent = units.Count > 0;
        return db.Set<Person>().Where(p => p.OrganisationId == actor.OrganisationId && hasCaseContent && p.MergedIntoPersonId == null && (
            (p.RegisteringUnitId != null && units.Contains(p.RegisteringUnitId.Value)) ||
            db.Set<CaseParty>().Any(party => party.PersonId == p.Id && readableCases.Contains(party.CaseId))));
    }

    /// <summary>
    /// The actor's access to one case, or null when they have none (or it does not exist). One query whatever the
    /// answer — the case, the actor's team places on it and their nödåtkomst together — so a case that exists but is
    /// hidden costs the same work, and takes the same time, as an id that does not exist.
    /// </summary>
    public async Task<CaseAccess?> ForCase(Actor actor, Guid caseId, CancellationToken ct)
    {
        var units = actor.UnitsWith(Capability.CaseContent);
        if (units.Count == 0) return null;
        var staff = actor.StaffMemberId;
        var now = clock.GetUtcNow();
        var c = await db.Set<Case>().AsNoTracking()
            .Where(x => x.Id == caseId && x.OrganisationId == actor.OrganisationId)
            .Select(x => new
            {
                x.Id, x.OwningUnitId, x.ResponsibleStaffId,
                Team = db.Set<CaseTeamMember>().Where(t => t.CaseId == x.Id && units.Contains(t.UnitId))
                    .Select(t => new { t.UnitId, t.Scope }).ToList(),
                Emergency = db.Set<EmergencyAccess>().Where(e => e.CaseId == x.Id && e.StaffMemberId == staff && e.ExpiresAt > now)
                    .OrderByDescending(e => e.ExpiresAt).Select(e => new { e.Reason }).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (c is null) return null;

        if (units.Contains(c.OwningUnitId))
            return new(c.Id, c.OwningUnitId, CaseAccessRoute.OwningUnit, BestRoleIn(actor, c.OwningUnitId), null, c.ResponsibleStaffId);

        // On the team through several units: the widest scope counts, through the unit that has it.
        var team = c.Team.OrderByDescending(t => t.Scope).FirstOrDefault();
        if (team is not null)
            return new(c.Id, c.OwningUnitId, CaseAccessRoute.CaseTeam, BestRoleIn(actor, team.UnitId), null, c.ResponsibleStaffId, team.Scope);

        var emergency = c.Emergency.FirstOrDefault();
        return emergency is null ? null
            : new(c.Id, c.OwningUnitId, CaseAccessRoute.EmergencyAccess, BestRoleIn(actor, units[0]), emergency.Reason, c.ResponsibleStaffId);
    }

    /// <summary>
    /// The actor's access to a case for <paramref name="operation"/>: a case they may not open answers exactly
    /// like a missing one (404); an operation their relation to a visible case does not allow answers 403 naming it.
    /// </summary>
    public Task<CaseAccess> RequireCase(Actor actor, Guid caseId, CaseOperation operation, CancellationToken ct) =>
        RequireCaseOf(actor, caseId, operation, new NotFoundException("Ärendet", caseId), ct);

    /// <summary>
    /// Like <see cref="RequireCase"/> for a resource that belongs to a case (a task, a queue place, an offer): a case
    /// the actor may not open answers <paramref name="asMissing"/> — the resource's own 404 — and a refused operation 403.
    /// </summary>
    public async Task<CaseAccess> RequireCaseOf(Actor actor, Guid caseId, CaseOperation operation, NotFoundException asMissing, CancellationToken ct)
    {
        var access = await ForCase(actor, caseId, ct) ?? throw asMissing;
        return access.Allows(operation) ? access : throw CasePermissions.Refusal(access, operation);
    }

    /// <summary>The person, if the actor may see them; otherwise the same NotFound as for a missing id.</summary>
    public async Task<Person> RequirePerson(Actor actor, Guid personId, CancellationToken ct) =>
        await ReadablePeople(actor).AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct)
        ?? throw new NotFoundException("Personen", personId);

    /// <summary>
    /// The unit role through which the actor sees a person they may see, for the audit log: the registering unit's,
    /// else the one that opens a case the person is in (owner before case team before nödåtkomst).
    /// </summary>
    public async Task<UnitRole?> RoleFor(Actor actor, Person person, CancellationToken ct)
    {
        if (person.RegisteringUnitId is { } registering && BestRoleIn(actor, registering) is { } role) return role;
        var units = actor.UnitsWith(Capability.CaseContent);
        var cases = db.Set<CaseParty>().Where(p => p.PersonId == person.Id).Select(p => p.CaseId);
        var owning = await db.Set<Case>().Where(c => cases.Contains(c.Id) && units.Contains(c.OwningUnitId))
            .Select(c => (Guid?)c.OwningUnitId).FirstOrDefaultAsync(ct);
        if (owning is { } owner) return BestRoleIn(actor, owner);
        var team = await db.Set<CaseTeamMember>().Where(t => cases.Contains(t.CaseId) && units.Contains(t.UnitId))
            .OrderByDescending(t => t.Scope).Select(t => (Guid?)t.UnitId).FirstOrDefaultAsync(ct);
        if (team is { } teamUnit) return BestRoleIn(actor, teamUnit);
        // Through nödåtkomst (or no route left at all): the role ForCase records for nödåtkomst.
        return units.Count > 0 ? BestRoleIn(actor, units[0]) : null;
    }

    /// <summary>
    /// The person for <paramref name="operation"/>: invisible answers 404 like a missing id; a visible person
    /// whose record the actor's units do not answer for answers 403 naming the operation.
    /// </summary>
    public async Task<Person> RequirePerson(Actor actor, Guid personId, PersonOperation operation, CancellationToken ct)
    {
        var person = await RequirePerson(actor, personId, ct);
        if (operation == PersonOperation.Read || await IsResponsibleFor(actor, personId, ct)) return person;
        throw PersonPermissions.Refusal(operation);
    }

    /// <summary>
    /// Whether the actor works, in a role with case content, in a unit that answers for the person: the unit
    /// that registered them, or one that owns a case they are a party in. Not the case team, not nödåtkomst.
    /// </summary>
    public async Task<bool> IsResponsibleFor(Actor actor, Guid personId, CancellationToken ct)
    {
        var units = actor.UnitsWith(Capability.CaseContent);
        if (units.Count == 0) return false;
        return await ResponsibleFor(actor).AnyAsync(p => p.Id == personId, ct);
    }

    /// <summary>The persons whose record the actor's units answer for (see <see cref="IsResponsibleFor"/>).</summary>
    public IQueryable<Person> ResponsibleFor(Actor actor)
    {
        var units = actor.UnitsWith(Capability.CaseContent);
        return db.Set<Person>().Where(p => p.OrganisationId == actor.OrganisationId && units.Count > 0 && p.MergedIntoPersonId == null && (
            (p.RegisteringUnitId != null && units.Contains(p.RegisteringUnitId.Value)) ||
            db.Set<CaseParty>().Any(party => party.PersonId == p.Id &&
                                             db.Set<Case>().Any(c => c.Id == party.CaseId && units.Contains(c.OwningUnitId)))));
    }

    /// <summary>
    /// Work done by a unit as such — opening a case or friyta there, answering a handover sent to it, reading its queue — is for its own staff
    /// in a role with case content: the role they use there, or 403 with <paramref name="refusal"/>.
    /// </summary>
    public static UnitRole RequireUnitStaff(Actor actor, Guid unitId, string refusal) =>
        BestRoleIn(actor, unitId) ?? throw new ForbiddenException(refusal);

    /// <summary>
    /// An orosanmälan's outcome may be followed by the member of staff who filed it, the unit it was filed
    /// from, and whoever may open the child's case — nobody else learns that it exists.
    /// </summary>
    public async Task<bool> MayFollowReport(Actor actor, ReportOfConcern report, CancellationToken ct) =>
        report.OrganisationId == actor.OrganisationId && actor.Has(Capability.CaseContent) &&
        (report.FiledBy == actor.StaffMemberId ||
         (report.ReportingUnitId is { } unit && actor.UnitsWith(Capability.CaseContent).Contains(unit)) ||
         await ForCase(actor, report.ChildCaseId, ct) is not null);

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
