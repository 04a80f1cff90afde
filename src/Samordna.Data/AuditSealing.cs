using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Samordna.Core.Audit;

namespace Samordna.Data;

/// <summary>
/// The sequencer: puts audit entries into their municipality's hash chain after the requests that wrote
/// them have committed, in batches (as Trillian's sequencer integrates queued leaves). A request writes
/// its entry durably in its own transaction — unsealed (sequence 0) — and no longer touches the chain
/// head, so reads of one municipality do not queue on one row. Only the sequencer claims the head, with
/// an UPDATE that locks it until commit (a row lock in PostgreSQL, the write lock in SQLite): two
/// sequencers (two app instances, or the CLI beside the host) take turns, and the one that waited finds
/// the entries the other sealed no longer pending.
/// </summary>
public static class AuditSealing
{
    /// <summary>Entries sealed per transaction; a backlog is worked off in several.</summary>
    public const int BatchSize = 1_000;

    /// <summary>Seals every entry pending when called (for one municipality, or all); returns how many.</summary>
    public static async Task<int> SealPending(SamordnaDbContext db, Guid? organisationId, CancellationToken ct)
    {
        var sealedCount = 0;
        var organisations = organisationId is { } only ? [only]
            : await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence == 0).Select(e => e.OrganisationId).Distinct().ToListAsync(ct);
        foreach (var organisation in organisations)
            while (await SealBatch(db, organisation, ct) is var count and > 0)
            {
                sealedCount += count;
                if (count < BatchSize) break;
            }
        return sealedCount;
    }

    /// <summary>The age of the oldest entry not yet in a chain, for /health/ready; null when none waits.</summary>
    public static async Task<TimeSpan?> Lag(SamordnaDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var oldest = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence == 0).OrderBy(e => e.At).Select(e => (DateTimeOffset?)e.At)
            .FirstOrDefaultAsync(ct);
        return oldest is { } at ? now - at : null;
    }

    private static async Task<int> SealBatch(SamordnaDbContext db, Guid organisation, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        object org = db.Database.IsSqlite() ? organisation.ToString().ToUpperInvariant() : organisation; // EF stores Guids as upper-case text in SQLite

        await Execute(connection, dbTransaction,
            "INSERT INTO audit_chain_heads (organisation_id, last_sequence, last_hash) VALUES (@org, 0, '') ON CONFLICT (organisation_id) DO NOTHING",
            ct, ("org", org));
        long last;
        string previousHash;
        // Claiming the head first makes this the only sequencer of the municipality until commit.
        await using (var claim = Command(connection, dbTransaction,
            "UPDATE audit_chain_heads SET last_sequence = last_sequence WHERE organisation_id = @org RETURNING last_sequence, last_hash", ("org", org)))
        await using (var reader = await claim.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("The audit chain head could not be claimed.");
            last = reader.GetInt64(0);
            previousHash = reader.GetString(1);
        }

        // Read after the claim: entries another sequencer sealed while this one waited are no longer pending.
        var pending = await db.Set<AuditEntry>().Where(e => e.OrganisationId == organisation && e.Sequence == 0)
            .OrderBy(e => e.At).ThenBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
        if (pending.Count == 0)
        {
            await transaction.RollbackAsync(ct);
            return 0;
        }
        foreach (var entry in pending)
        {
            entry.Seal(++last, previousHash);
            previousHash = entry.Hash;
        }
        await db.SaveChangesAsync(ct);
        await Execute(connection, dbTransaction,
            "UPDATE audit_chain_heads SET last_sequence = @sequence, last_hash = @hash WHERE organisation_id = @org",
            ct, ("org", org), ("sequence", last), ("hash", previousHash));
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return pending.Count;
    }

    private static async Task Execute(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
