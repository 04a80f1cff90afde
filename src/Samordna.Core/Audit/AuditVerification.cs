using Microsoft.EntityFrameworkCore;

namespace Samordna.Core.Audit;

/// <param name="Pending">Entries stored but not yet sealed into a chain by the sequencer; they are checked once sealed.</param>
public sealed record AuditVerificationReport(int Chains, long Entries, IReadOnlyList<AuditChainProblem> Problems, long Pending = 0)
{
    public bool Intact => Problems.Count == 0;
}

/// <summary>Reads each municipality's chain in order, one municipality at a time, and checks it (samordna audit verify).</summary>
public sealed class AuditVerification(DbContext db)
{
    public async Task<AuditVerificationReport> VerifyAll(CancellationToken ct)
    {
        var heads = await db.Set<AuditChainHead>().AsNoTracking().ToDictionaryAsync(h => h.OrganisationId, ct);
        var organisations = (await db.Set<AuditEntry>().Select(e => e.OrganisationId).Distinct().ToListAsync(ct))
            .Union(heads.Keys).Order().ToList();

        var problems = new List<AuditChainProblem>();
        long entries = 0;
        foreach (var organisation in organisations)
        {
            var head = heads.GetValueOrDefault(organisation);
            var chain = db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.OrganisationId == organisation && e.Sequence > 0)
                .OrderBy(e => e.Sequence).ThenBy(e => e.Id)
                .AsAsyncEnumerable();
            var list = new List<AuditEntry>();
            await foreach (var entry in chain.WithCancellation(ct)) list.Add(entry);
            entries += list.Count;
            problems.AddRange(AuditChain.Verify(organisation, list, head?.LastSequence ?? 0, head?.LastHash ?? ""));
        }
        var pending = await db.Set<AuditEntry>().LongCountAsync(e => e.Sequence == 0, ct);
        return new AuditVerificationReport(organisations.Count, entries, problems, pending);
    }
}
