using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Samordna.Core.Audit;

/// <param name="Pending">Entries stored but not yet sealed into a chain by the sequencer (sequence 0); they are checked once sealed.</param>
public sealed record AuditVerificationReport(int Chains, long Entries, IReadOnlyList<AuditChainProblem> Problems,
    int Checkpoints = 0, IReadOnlyList<CheckpointProblem>? CheckpointProblems = null, long Pending = 0)
{
    public bool Intact => Problems.Count == 0 && (CheckpointProblems?.Count ?? 0) == 0;
}

/// <summary>
/// Reads each municipality's chain in order, one municipality at a time, and checks it (samordna audit verify),
/// and, given checkpoints, that the log each one signed is still the beginning of today's log.
/// The chain is streamed in batches by sequence, so memory stays the same for ten entries or ten million.
/// </summary>
/// <param name="batchSize">Entries per query: large enough that round trips do not dominate, small enough that a batch with its subjects stays a few MB.</param>
public sealed class AuditVerification(DbContext db, int batchSize = AuditVerification.DefaultBatchSize)
{
    public const int DefaultBatchSize = 5_000;

    /// <summary>
    /// Run it inside one snapshot (a repeatable-read transaction on PostgreSQL, any transaction on SQLite), as
    /// <c>samordna audit verify</c> does: the chain heads and the entries are read separately, and a sequencer
    /// sealing in between would read as an entry inserted after the head.
    /// </summary>
    /// <param name="progress">Called with the number of entries read so far after every batch, for long runs.</param>
    /// <param name="checkpoints">Checkpoints to prove against the log, with the public keys they may be signed by.</param>
    public async Task<AuditVerificationReport> VerifyAll(CancellationToken ct, Action<long>? progress = null,
        (CheckpointDirectory Directory, IReadOnlyCollection<CheckpointVerifierKey> Keys)? checkpoints = null)
    {
        var heads = await db.Set<AuditChainHead>().AsNoTracking().ToDictionaryAsync(h => h.OrganisationId, ct);

        var checkpointProblems = new List<CheckpointProblem>();
        var opened = new List<(string File, AuditCheckpoint Checkpoint)>();
        if (checkpoints is var (directory, keys))
        {
            foreach (var file in directory.CheckpointFiles())
            {
                var opening = AuditCheckpoint.Open(await File.ReadAllTextAsync(file, ct), keys);
                if (opening.Checkpoint is { } checkpoint) opened.Add((file, checkpoint));
                else checkpointProblems.Add(new(file, opening.Problem!));
            }
        }

        var organisations = (await db.Set<AuditEntry>().Select(e => e.OrganisationId).Distinct().ToListAsync(ct))
            .Union(heads.Keys).Union(opened.Select(c => c.Checkpoint.OrganisationId)).Order().ToList();

        var problems = new List<AuditChainProblem>();
        long entries = 0;
        foreach (var organisation in organisations)
        {
            var head = heads.GetValueOrDefault(organisation);
            var walk = new AuditChainWalk(organisation);
            using var comparison = checkpoints is { } given
                ? new CheckpointComparison(organisation, opened.Where(c => c.Checkpoint.OrganisationId == organisation).ToList(),
                    given.Directory.WitnessedLines(organisation))
                : null;
            await foreach (var entry in Chain(organisation, upTo: null, ct))
            {
                problems.AddRange(walk.Next(entry));
                comparison?.Next(entry);
                if (++entries % batchSize == 0) progress?.Invoke(entries);
            }
            problems.AddRange(walk.End(head?.LastSequence ?? 0, head?.LastHash ?? ""));
            if (comparison is null) continue;
            comparison.End();
            problems.AddRange(comparison.ChainProblems);
            checkpointProblems.AddRange(comparison.CheckpointProblems);
        }
        // Chain() reads from sequence 1: entries still waiting for the sequencer (sequence 0) are counted, not checked.
        var pending = await db.Set<AuditEntry>().LongCountAsync(e => e.Sequence == 0, ct);
        return new AuditVerificationReport(organisations.Count, entries, problems,
            checkpoints is null ? 0 : opened.Count + checkpointProblems.Count, checkpoints is null ? null : checkpointProblems, pending);
    }

    /// <summary>
    /// One municipality's entries in sequence order (then id, so repeated sequences come in a stable order),
    /// read a batch of sequence numbers at a time. Each batch ends at a sequence number, not a row count,
    /// so entries repeating a sequence are never split between batches and none is skipped. The subjects
    /// (auto-included) come with their batch's entries only, and nothing is tracked.
    /// </summary>
    public async IAsyncEnumerable<AuditEntry> Chain(Guid organisation, long? upTo, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = 0L;
        while (true)
        {
            var inChain = db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.OrganisationId == organisation && e.Sequence > after && (upTo == null || e.Sequence <= upTo));
            var last = await inChain.OrderBy(e => e.Sequence).Select(e => (long?)e.Sequence).Skip(batchSize - 1).FirstOrDefaultAsync(ct);
            var batch = await (last is { } bound ? inChain.Where(e => e.Sequence <= bound) : inChain)
                .OrderBy(e => e.Sequence).ThenBy(e => e.Id).ToListAsync(ct);
            foreach (var entry in batch) yield return entry;
            if (last is null || batch.Count == 0) yield break;
            after = last.Value;
        }
    }
}
