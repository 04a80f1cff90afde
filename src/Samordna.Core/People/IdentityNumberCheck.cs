using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;

namespace Samordna.Core.People;

/// <summary>
/// One record per identity number and municipality. A number already taken is refused the same way
/// whether or not the caller may see that person (nothing about them is said), and the attempt is
/// logged for the log review — flagged when the person has protected personal data.
/// </summary>
internal static class IdentityNumberCheck
{
    public static async Task EnsureFree(DbContext db, AuditTrail audit, Actor actor, string? number, string refusal,
        UnitRole? through, CancellationToken ct)
    {
        if (number is null) return;
        var existing = await db.Set<Person>().AsNoTracking()
            .Where(p => p.OrganisationId == actor.OrganisationId && p.IdentityNumber == number)
            .Select(p => new { p.Id, p.ProtectedIdentity }).SingleOrDefaultAsync(ct);
        if (existing is null) return;
        audit.Record(actor, AuditAction.RegisterAttemptOnExistingPerson, [AuditSubject.Person(existing.Id)],
            PersonQueries.ProtectionFlag(existing.ProtectedIdentity), through: through);
        await db.SaveChangesAsync(ct);
        throw new DomainRuleException(refusal);
    }
}
