using Microsoft.EntityFrameworkCore;

namespace Samordna.Core.Audit;

/// <summary>Samordna:Audit:Checkpoints — where checkpoints are written and with which key (see docs/security.md).</summary>
public sealed class AuditCheckpointSettings
{
    public const string Section = "Samordna:Audit:Checkpoints";

    /// <summary>The private key file made by <c>samordna audit keygen</c>; no checkpoints without it.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The append-only folder checkpoints and witnessed hashes are written to.</summary>
    public string? Directory { get; set; }

    /// <summary>A second folder (another disk, mount or machine) that gets the same files, so one deleted folder is not the end of the evidence.</summary>
    public string? WitnessDirectory { get; set; }

    /// <summary>How often the web host writes checkpoints: the longest a rewrite of the log goes unseen by them.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1440, ErrorMessage = "must be between 1 and 1440 (minutes)")]
    public int IntervalMinutes { get; set; } = 5;
}

/// <summary>
/// What writing one municipality's checkpoint came to: written (<see cref="File"/>), unchanged (neither), or refused
/// (<see cref="Problems"/> without a file). Problems with a file: written to the main folder, not to the witness folder.
/// </summary>
public sealed record CheckpointWriting(Guid OrganisationId, long Size, string? File, IReadOnlyList<string> Problems)
{
    public bool Refused => Problems.Count > 0;
}

/// <summary>
/// Writes a signed checkpoint per municipality whose log grew since its last one — but only after
/// checking that the log still is what the earlier checkpoints and witnessed hashes say: a checkpoint
/// over a rewritten log would vouch for the rewrite, so then nothing is written and the problems are returned.
/// </summary>
public sealed class AuditCheckpointWriter(DbContext db, CheckpointSigningKey key, CheckpointDirectory directory, CheckpointDirectory? witness)
{
    public async Task<IReadOnlyList<CheckpointWriting>> WriteAll(CancellationToken ct)
    {
        var heads = await db.Set<AuditChainHead>().AsNoTracking().Where(h => h.LastSequence > 0).OrderBy(h => h.OrganisationId).ToListAsync(ct);
        var results = new List<CheckpointWriting>();
        foreach (var head in heads) results.Add(await Write(head, ct));
        return results;
    }

    private async Task<CheckpointWriting> Write(AuditChainHead head, CancellationToken ct)
    {
        var organisation = head.OrganisationId;
        var problems = new List<string>();
        var checkpoints = new List<(string File, AuditCheckpoint Checkpoint)>();
        foreach (var file in directory.CheckpointFiles(organisation))
        {
            var opening = AuditCheckpoint.Open(await File.ReadAllTextAsync(file, ct), [key.Public]);
            if (opening.Checkpoint is { } checkpoint) checkpoints.Add((file, checkpoint));
            // After a key rotation the older checkpoints are signed by the old key; the witnessed hashes, compared in full, still hold the writer to them.
            else if (!opening.Problem!.StartsWith("signed only by unknown key", StringComparison.Ordinal)) problems.Add($"{file}: {opening.Problem}");
        }
        var last = checkpoints.Count == 0 ? null : checkpoints.MaxBy(c => c.Checkpoint.Size).Checkpoint;
        // Unchanged only when the head is still the one signed: the same size with another hash is a rewrite, and is checked.
        if (last is not null && head.LastSequence == last.Size && head.LastHash == last.Head && problems.Count == 0)
            return new(organisation, head.LastSequence, null, []);

        var unwitnessed = Path.GetTempFileName();
        try
        {
            string signed;
            AuditCheckpoint next;
            await using (var pending = new StreamWriter(unwitnessed))
            using (var comparison = new CheckpointComparison(organisation, checkpoints, directory.WitnessedLines(organisation),
                       compareUnsigned: true, unwitnessed: line => pending.Write(line + "\n")))
            {
                var walk = new AuditChainWalk(organisation);
                // Up to the head as it was read: entries sealed meanwhile belong to the next checkpoint.
                await foreach (var entry in new AuditVerification(db).Chain(organisation, head.LastSequence, ct))
                {
                    problems.AddRange(walk.Next(entry).Select(p => p.ToString()));
                    comparison.Next(entry);
                }
                problems.AddRange(walk.End(head.LastSequence, head.LastHash).Select(p => p.ToString()));
                comparison.End();
                problems.AddRange(comparison.ChainProblems.Select(p => p.ToString()));
                problems.AddRange(comparison.CheckpointProblems.Select(p => p.ToString()));
                if (problems.Count > 0) return new(organisation, head.LastSequence, null, problems);

                next = new AuditCheckpoint(organisation, comparison.Position, comparison.Recomputed, comparison.WitnessedDigest);
                signed = next.Sign(key);
            }

            var witnessedBefore = directory.WitnessedLength(organisation);
            directory.AppendWitnessed(organisation, unwitnessed);
            var written = directory.Write(next, signed);
            if (witness is not null)
            {
                // The witness folder mirrors the main one; one that fell behind (added later, or lost) gets the whole record once it is empty.
                if (witness.WitnessedLength(organisation) == witnessedBefore) witness.AppendWitnessed(organisation, unwitnessed);
                else if (witness.WitnessedLength(organisation) == 0) witness.AppendWitnessed(organisation, directory.WitnessedPath(organisation));
                else problems.Add($"the witness folder {witness.Path} does not hold the same witnessed hashes as {directory.Path}; not written there");
                if (problems.Count == 0) witness.Write(next, signed);
            }
            return new(organisation, next.Size, written, problems);
        }
        finally
        {
            File.Delete(unwitnessed);
        }
    }
}
