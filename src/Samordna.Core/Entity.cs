namespace Samordna.Core;

/// <summary>
/// Anything with an identity. Keys are time-ordered UUIDs (v7), not sequences, so rows from many
/// municipalities can be merged, partitioned or distributed by organisation without renumbering.
/// </summary>
public abstract class Entity
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();
}

/// <summary>
/// A consistency boundary that is updated as a whole. <see cref="Version"/> is the optimistic
/// concurrency token: the data layer increments it on every update and refuses a write whose
/// expected version is stale, so two people editing one case never silently overwrite each other.
/// </summary>
public abstract class Aggregate : Entity
{
    public long Version { get; private set; }

    /// <summary>Refuses a change based on an old read (the client's version is not the stored one).</summary>
    public void EnsureVersion(long expected)
    {
        if (expected != Version)
            throw new ConcurrencyConflictException(GetType().Name, Id);
    }
}
