using System.Security.Cryptography;
using System.Text;

namespace Samordna.Core.Audit;

/// <summary>Something wrong with a checkpoint file itself, or between a checkpoint and the witnessed hashes beside it.</summary>
public sealed record CheckpointProblem(string File, string Description)
{
    public override string ToString() => $"checkpoint {File}: {Description}";
}

/// <summary>
/// Compares one municipality's log, streamed in order, with its checkpoints and witnessed hashes. The
/// chain is recomputed from the first entry (each hash from the entry's content and the recomputed hash
/// before it, never the stored links), so at a checkpoint's size it must give the checkpoint's head: the
/// log then was a prefix of the log now. The first position whose recomputed hash differs from the
/// witnessed one names the first entry that differs, even after a rewrite that recomputed every hash.
/// </summary>
public sealed class CheckpointComparison : IDisposable
{
    private readonly Guid _organisation;
    private readonly IReadOnlyList<(string File, AuditCheckpoint Checkpoint)> _checkpoints;
    private readonly IEnumerator<string> _witnessed;
    private readonly long _compareUpTo;
    private readonly Action<string>? _unwitnessed;
    private readonly IncrementalHash _digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly List<AuditChainProblem> _chainProblems = [];
    private readonly List<CheckpointProblem> _checkpointProblems = [];
    private long _position;
    private long _witnessedRead;
    private bool _witnessedEnded;
    private bool _differenceNamed;
    private string _recomputed = "";

    /// <param name="checkpoints">The municipality's checkpoints that opened with a known key.</param>
    /// <param name="witnessedLines">The witnessed hashes, <c>&lt;sequence&gt; &lt;hash&gt;</c> per line, in order.</param>
    /// <param name="compareUnsigned">Also compare witnessed hashes past the last checkpoint (the writer does; they are its own record).</param>
    /// <param name="unwitnessed">Receives a witnessed line for every entry past the witnessed hashes (the writer appends them).</param>
    public CheckpointComparison(Guid organisation, IReadOnlyList<(string File, AuditCheckpoint Checkpoint)> checkpoints,
        IEnumerable<string> witnessedLines, bool compareUnsigned = false, Action<string>? unwitnessed = null)
    {
        _organisation = organisation;
        _checkpoints = checkpoints.OrderBy(c => c.Checkpoint.Size).ToList();
        _witnessed = witnessedLines.GetEnumerator();
        _compareUpTo = compareUnsigned ? long.MaxValue : _checkpoints.Count == 0 ? 0 : _checkpoints[^1].Checkpoint.Size;
        _unwitnessed = unwitnessed;
    }

    public IReadOnlyList<AuditChainProblem> ChainProblems => _chainProblems;
    public IReadOnlyList<CheckpointProblem> CheckpointProblems => _checkpointProblems;

    /// <summary>The entries read so far; after the last, the log's size.</summary>
    public long Position => _position;

    /// <summary>The recomputed hash of the entry at <see cref="Position"/>.</summary>
    public string Recomputed => _recomputed;

    /// <summary>SHA-256 over the witnessed lines up to <see cref="Position"/> (what a checkpoint's witnessed line states).</summary>
    public string WitnessedDigest => Convert.ToHexStringLower(_digest.GetCurrentHash());

    public void Next(AuditEntry entry)
    {
        _position++;
        _recomputed = entry.ComputeHash(_recomputed);
        var line = $"{_position} {_recomputed}";
        var witnessed = _position <= _compareUpTo ? ReadWitnessed() : null;
        if (witnessed is null)
        {
            if (_witnessedEnded || _position > _compareUpTo)
            {
                if (_witnessedEnded) _unwitnessed?.Invoke(line);
                _digest.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
            }
        }
        else if (witnessed != line && !_differenceNamed)
        {
            _differenceNamed = true;
            _chainProblems.Add(new(_organisation, entry.Sequence, entry.Id,
                $"the first entry that differs from the checkpointed log: at size {_position} the log now hashes to {_recomputed[..12]}…, " +
                $"it was witnessed as {Hash(witnessed)} (this entry and what follows were altered, inserted, deleted or rewritten)"));
        }
        foreach (var (file, checkpoint) in _checkpoints.Where(c => c.Checkpoint.Size == _position))
            CheckAt(file, checkpoint);
    }

    /// <summary>After the last entry: checkpoints past the end of the log mean its tail was deleted.</summary>
    public void End()
    {
        foreach (var (file, checkpoint) in _checkpoints.Where(c => c.Checkpoint.Size > _position))
        {
            _chainProblems.Add(new(_organisation, _position + 1, null,
                $"the log ends at {_position} but checkpoint {Path.GetFileName(file)} recorded {checkpoint.Size} entries (entries at the end deleted)"));
            // The witnessed hashes up to that size must still be the ones it signed.
            while (_witnessedRead < checkpoint.Size && ReadWitnessed() is not null) { }
            if (_witnessedRead == checkpoint.Size && WitnessedDigest != checkpoint.WitnessedDigest)
                _checkpointProblems.Add(new(file, "the witnessed hashes beside it are not the ones it signed (that file was altered)"));
        }
        if (_compareUpTo == long.MaxValue && !_witnessedEnded && ReadWitnessed() is not null)
            _chainProblems.Add(new(_organisation, _position + 1, null,
                $"the log ends at {_position} but more entries were witnessed (entries at the end deleted)"));
    }

    private void CheckAt(string file, AuditCheckpoint checkpoint)
    {
        if (_recomputed != checkpoint.Head)
            _chainProblems.Add(new(_organisation, _position, null,
                $"the log at size {checkpoint.Size} does not hash to the head of checkpoint {Path.GetFileName(file)} (the log was rewritten up to here)"));
        if (_witnessedRead == _position && WitnessedDigest != checkpoint.WitnessedDigest)
            _checkpointProblems.Add(new(file, "the witnessed hashes beside it are not the ones it signed (that file was altered)"));
        else if (_witnessedRead < _position)
            _checkpointProblems.Add(new(file, $"only {_witnessedRead} witnessed hashes are kept beside it, it signed {checkpoint.Size}"));
    }

    private string? ReadWitnessed()
    {
        if (_witnessedEnded || !_witnessed.MoveNext()) { _witnessedEnded = true; return null; }
        _witnessedRead++;
        _digest.AppendData(Encoding.UTF8.GetBytes(_witnessed.Current + "\n"));
        return _witnessed.Current;
    }

    private static string Hash(string witnessedLine) =>
        witnessedLine.Split(' ') is [_, { Length: >= 12 } hash] ? hash[..12] + "…" : $"'{witnessedLine}'";

    public void Dispose()
    {
        _witnessed.Dispose();
        _digest.Dispose();
    }
}
