using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;

namespace Samordna.Core.People;

/// <summary>
/// One record per identity number and municipality — as far as the registrar may know. A number whose
/// record the registrar can see is refused (409: search for the person instead), and the attempt is
/// logged. A number whose record the registrar may NOT see must not reveal that the person exists: the
/// registration goes ahead as for a new number, and <see cref="Matched"/> ties the new record to the
/// existing one in an <see cref="IdentityMatch"/> that only the existing record's unit sees.
/// </summary>
internal static class IdentityNumberCheck
{
    /// <returns>The hidden record the number already belongs to, or null when the number is free.</returns>
    public static async Task<Guid?> EnsureFree(DbContext db, AccessPolicy policy, AuditTrail audit, Actor actor, string? number, string refusal,
        UnitRole? through, CancellationToken ct)
    {
        if (number is null) return null;
        var holders = await db.Set<Person>().AsNoTracking()
            .Where(p => p.OrganisationId == actor.OrganisationId && p.IdentityNumber == number && p.MergedIntoPersonId == null)
            .OrderBy(p => p.SharesNumber).ThenBy(p => p.Id)
            .Select(p => p.Id).ToListAsync(ct);
        // Asked for a free number too, so a new number and a hidden one take the same queries and do not tell
        // themselves apart by time.
        var visible = await policy.ReadablePeople(actor).Where(p => holders.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (holders.Count == 0) return null;
        if (visible.Count == 0) return holders[0];
        audit.Record(actor, AuditAction.RegisterAttemptOnExistingPerson, visible.Select(AuditSubject.Person), through: through);
        await db.SaveChangesAsync(ct);
        throw new DomainRuleException(refusal);
    }

    /// <summary>Ties <paramref name="registered"/> to the hidden record with the same number, and logs that it did.</summary>
    public static void Matched(DbContext db, AuditTrail audit, Actor actor, Guid existingPersonId, Person registered, DateTimeOffset now, UnitRole? through)
    {
        db.Add(IdentityMatch.Found(existingPersonId, registered, actor.StaffMemberId, now));
        audit.Record(actor, AuditAction.IdentityMatchFound, [AuditSubject.Person(existingPersonId), AuditSubject.Person(registered.Id)], through: through);
    }
}
