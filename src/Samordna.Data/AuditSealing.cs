using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Samordna.Core.Audit;

namespace Samordna.Data;

/// <summary>
/// Puts new audit entries into their municipality's hash chain inside the saving transaction. The
/// chain head row is claimed with an UPDATE first, which locks it (a row lock in PostgreSQL, the
/// write lock in SQLite) until commit: concurrent requests queue there instead of forking the chain,
/// and a rolled-back change takes its audit entries and its sequence numbers with it.
/// </summary>
internal static class AuditSealing
{
    public static async Task Seal(SamordnaDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        foreach (var chain in entries.GroupBy(e => e.OrganisationId))
        {
            var count = chain.Count();
            object organisation = db.Database.IsSqlite() ? chain.Key.ToString().ToUpperInvariant() : chain.Key; // EF stores Guids as upper-case text in SQLite

            await Execute(connection, transaction,
                "INSERT INTO audit_chain_heads (organisation_id, last_sequence, last_hash) VALUES (@org, 0, '') ON CONFLICT (organisation_id) DO NOTHING",
                ct, ("org", organisation));

            long last;
            string previousHash;
            await using (var claim = Command(connection, transaction,
                "UPDATE audit_chain_heads SET last_sequence = last_sequence + @count WHERE organisation_id = @org RETURNING last_sequence, last_hash",
                ("org", organisation), ("count", (long)count)))
            await using (var reader = await claim.ExecuteReaderAsync(ct))
            {
                if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("The audit chain head could not be claimed.");
                last = reader.GetInt64(0);
                previousHash = reader.GetString(1);
            }

            var sequence = last - count;
            foreach (var entry in chain.OrderBy(e => e.At).ThenBy(e => e.Id))
            {
                entry.Seal(++sequence, previousHash);
                previousHash = entry.Hash;
            }

            await Execute(connection, transaction, "UPDATE audit_chain_heads SET last_hash = @hash WHERE organisation_id = @org",
                ct, ("org", organisation), ("hash", previousHash));
        }
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
