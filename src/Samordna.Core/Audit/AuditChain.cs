namespace Samordna.Core.Audit;

/// <summary>The last sealed position of a municipality's chain, kept so a deleted tail is noticed too.</summary>
public sealed class AuditChainHead
{
    private AuditChainHead() { }

    public AuditChainHead(Guid organisationId) => OrganisationId = organisationId;

    public Guid OrganisationId { get; private set; }
    public long LastSequence { get; private set; }
    public string LastHash { get; private set; } = "";
}

/// <summary>Something wrong in a chain, with the entry it concerns.</summary>
public sealed record AuditChainProblem(Guid OrganisationId, long Sequence, Guid? EntryId, string Description)
{
    public override string ToString() => EntryId is { } id
        ? $"organisation {OrganisationId}, entry {id} (sequence {Sequence}): {Description}"
        : $"organisation {OrganisationId}, sequence {Sequence}: {Description}";
}

public static class AuditChain
{
    /// <summary>
    /// Checks one municipality's entries, read in sequence order, against each other and the head:
    /// an altered entry no longer matches its hash; a deleted one leaves a gap in the sequence; an
    /// inserted one repeats a sequence or breaks the link to its neighbour; a deleted tail falls short of the head.
    /// </summary>
    public static IEnumerable<AuditChainProblem> Verify(Guid organisationId, IEnumerable<AuditEntry> entriesInOrder, long headSequence, string headHash)
    {
        var walk = new AuditChainWalk(organisationId);
        foreach (var entry in entriesInOrder)
            foreach (var problem in walk.Next(entry)) yield return problem;
        foreach (var problem in walk.End(headSequence, headHash)) yield return problem;
    }
}

/// <summary>
/// <see cref="AuditChain.Verify"/> one entry at a time, so a chain of any length is checked while it is
/// streamed from the database, holding only the entry before.
/// </summary>
public sealed class AuditChainWalk(Guid organisationId)
{
    private long _expected = 1;
    private string _previousHash = "";

    public IEnumerable<AuditChainProblem> Next(AuditEntry entry)
    {
        if (entry.Sequence > _expected)
            yield return new(organisationId, _expected, null,
                entry.Sequence - _expected == 1 ? "the entry is missing (deleted)" : $"entries {_expected}–{entry.Sequence - 1} are missing (deleted)");
        else if (entry.Sequence < _expected)
            yield return new(organisationId, entry.Sequence, entry.Id, "repeats a sequence number already used (inserted)");

        if (entry.ComputeHash() != entry.Hash)
            yield return new(organisationId, entry.Sequence, entry.Id, "the content does not match its hash (altered)");
        else if (entry.PreviousHash != _previousHash)
            yield return new(organisationId, entry.Sequence, entry.Id,
                "does not link to the entry before it (that entry was altered, or entries were inserted or deleted between them)");

        _previousHash = entry.Hash;
        _expected = Math.Max(_expected, entry.Sequence + 1);
    }

    public IEnumerable<AuditChainProblem> End(long headSequence, string headHash)
    {
        if (_expected - 1 < headSequence)
            yield return new(organisationId, _expected, null, $"the chain ends at {_expected - 1} but {headSequence} entries were sealed (entries at the end deleted)");
        else if (_expected - 1 > headSequence)
            yield return new(organisationId, headSequence + 1, null, "entries after the last sealed one (inserted)");
        else if (_previousHash != headHash)
            yield return new(organisationId, headSequence, null, "the last entry is not the one that was sealed (altered or replaced)");
    }
}
