using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Audit;
using Samordna.Core.Cases;
using Samordna.Core.People;

namespace Samordna.Core.Statistics;

public sealed record CaseCount(CaseType Type, Gender Gender, int Cases);

/// <summary>
/// The first aggregate: cases by type and the subject's gender, for the analyst's own municipality.
/// Every person counts — with protected identity too — and nothing but the counts leaves. Small-cell
/// suppression and the shared measure catalogue come with the statistics issue.
/// </summary>
public sealed class CaseStatistics(DbContext db, AuditTrail audit)
{
    public async Task<IReadOnlyList<CaseCount>> ByTypeAndGender(Actor actor, CancellationToken ct)
    {
        var rows = await (
            from c in db.Set<Case>().AsNoTracking()
            where c.OrganisationId == actor.OrganisationId
            join p in db.Set<Person>() on c.SubjectPersonId equals p.Id
            group c by new { c.Type, p.Gender } into g
            select new { g.Key.Type, g.Key.Gender, Cases = g.Count() }).ToListAsync(ct);
        audit.Record(actor, AuditAction.ReadStatistics, [], capability: Capability.Statistics);
        await db.SaveChangesAsync(ct);
        return rows.Select(r => new CaseCount(r.Type, r.Gender, r.Cases)).OrderBy(r => r.Type).ThenBy(r => r.Gender).ToList();
    }
}
