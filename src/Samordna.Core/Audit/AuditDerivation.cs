using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Cases;
using Samordna.Core.People;
using Samordna.Core.Staff;

namespace Samordna.Core.Audit;

/// <summary>
/// The facts of an audit entry that no call site may forget, derived from its subjects when it is sealed
/// (the data layer calls this for every new entry, whatever code path wrote it):
/// <list type="bullet">
/// <item>a person with skyddade personuppgifter among the persons it names, or among the parties of the
/// cases it names, flags it <see cref="AuditFlags.ProtectedPerson"/>;</item>
/// <item>a case or person the member of staff reached only through nödåtkomst (a grant running at the
/// entry's time, where their own units give no access) flags it <see cref="AuditFlags.EmergencyAccess"/>
/// and records the reason given — for reads, searches and extracts of persons as much as for the case itself.</item>
/// </list>
/// </summary>
public static class AuditDerivation
{
    public static async Task Derive(DbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        var caseIds = entries.SelectMany(e => e.Subjects).Where(s => s.CaseId != null).Select(s => s.CaseId!.Value).Distinct().ToList();
        var personIds = entries.SelectMany(e => e.Subjects).Where(s => s.PersonId != null).Select(s => s.PersonId!.Value).Distinct().ToList();

        // Parties of the named cases, stored and about to be stored (a party added in this very change counts).
        var parties = caseIds.Count == 0 ? [] : await db.Set<CaseParty>().AsNoTracking().Where(p => caseIds.Contains(p.CaseId))
            .Select(p => new { p.CaseId, p.PersonId }).ToListAsync(ct);
        parties.AddRange(db.ChangeTracker.Entries<CaseParty>().Where(e => e.State == EntityState.Added && caseIds.Contains(e.Entity.CaseId))
            .Select(e => new { e.Entity.CaseId, e.Entity.PersonId }));
        var partiesOf = parties.Distinct().ToLookup(p => p.CaseId, p => p.PersonId);

        var concerned = personIds.Concat(parties.Select(p => p.PersonId)).Distinct().ToList();
        var protectedPeople = (await db.Set<Person>().AsNoTracking()
            .Where(p => concerned.Contains(p.Id) && p.ProtectedIdentity != ProtectedIdentityLevel.None).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        // A person registered or changed in this unit of work: protected before or after the change counts.
        foreach (var tracked in db.ChangeTracker.Entries<Person>().Where(e => concerned.Contains(e.Entity.Id)))
        {
            var level = tracked.Property(p => p.ProtectedIdentity);
            if (level.CurrentValue != ProtectedIdentityLevel.None ||
                (tracked.State != EntityState.Added && level.OriginalValue != ProtectedIdentityLevel.None))
                protectedPeople.Add(tracked.Entity.Id);
        }

        foreach (var entry in entries)
        {
            var named = entry.Subjects.Where(s => s.PersonId != null).Select(s => s.PersonId!.Value)
                .Concat(entry.Subjects.Where(s => s.CaseId != null).SelectMany(s => partiesOf[s.CaseId!.Value]));
            if (named.Any(protectedPeople.Contains)) entry.Derive(AuditFlags.ProtectedPerson, null);
        }

        await DeriveEmergencyAccess(db, entries, ct);
    }

    private static async Task DeriveEmergencyAccess(DbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var staffIds = entries.Where(e => e.StaffMemberId != null).Select(e => e.StaffMemberId!.Value).Distinct().ToList();
        var earliest = entries.Min(e => e.At);
        var grants = await db.Set<EmergencyAccess>().AsNoTracking()
            .Where(g => staffIds.Contains(g.StaffMemberId) && g.ExpiresAt > earliest).ToListAsync(ct);
        grants.AddRange(db.ChangeTracker.Entries<EmergencyAccess>().Where(e => e.State == EntityState.Added).Select(e => e.Entity));
        if (grants.Count == 0) return; // the common case: one small indexed query and done

        var policy = new AccessPolicy(db, TimeProvider.System);
        foreach (var byStaff in entries.Where(e => e.StaffMemberId != null).GroupBy(e => e.StaffMemberId!.Value))
        {
            var own = grants.Where(g => g.StaffMemberId == byStaff.Key).ToList();
            if (own.Count == 0) continue;
            var actor = await ActorOf(db, byStaff.Key, byStaff.First().OrganisationId, ct);
            var grantCases = own.Select(g => g.CaseId).Distinct().ToList();
            var ordinaryCases = (await policy.OrdinarilyReadableCases(actor).Where(c => grantCases.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
            var emergencyCases = grantCases.Where(c => !ordinaryCases.Contains(c)).ToHashSet();
            if (emergencyCases.Count == 0) continue;

            var persons = byStaff.SelectMany(e => e.Subjects).Where(s => s.PersonId != null).Select(s => s.PersonId!.Value).Distinct().ToList();
            var ordinaryPeople = (await policy.OrdinarilyReadablePeople(actor).Where(p => persons.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
            var reachedThrough = (await db.Set<CaseParty>().AsNoTracking()
                    .Where(p => persons.Contains(p.PersonId) && emergencyCases.Contains(p.CaseId)).Select(p => new { p.PersonId, p.CaseId }).ToListAsync(ct))
                .ToLookup(p => p.PersonId, p => p.CaseId);

            foreach (var entry in byStaff)
            {
                var used = entry.Subjects.Where(s => s.CaseId is { } c && emergencyCases.Contains(c)).Select(s => s.CaseId!.Value)
                    .Concat(entry.Subjects.Where(s => s.PersonId is { } p && !ordinaryPeople.Contains(p)).SelectMany(s => reachedThrough[s.PersonId!.Value]))
                    .Distinct().ToList();
                var running = own.Where(g => used.Contains(g.CaseId) && g.GrantedAt <= entry.At && g.ExpiresAt > entry.At).ToList();
                if (running.Count == 0) continue;
                entry.Derive(AuditFlags.EmergencyAccess,
                    string.Join("; ", running.OrderBy(g => g.GrantedAt).Select(g => g.Reason).Distinct()));
            }
        }
    }

    private static async Task<Actor> ActorOf(DbContext db, Guid staffMemberId, Guid organisationId, CancellationToken ct)
    {
        var roles = await db.Set<RoleAssignment>().AsNoTracking().Where(r => r.StaffMemberId == staffMemberId)
            .Select(r => new UnitRole(r.UnitId, r.Role)).ToListAsync(ct);
        return new Actor(staffMemberId, organisationId, "", roles);
    }
}
