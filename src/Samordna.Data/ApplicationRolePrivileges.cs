using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Data;

/// <summary>
/// What the web application's database role may do on PostgreSQL: read and write the tables of the
/// work, but only read and add to the audit log, so no role the web host holds can change or delete a
/// sealed entry (the trigger of the AuditAppendOnly migration refuses that even to the owner). The schema
/// owner runs this after migrating (<c>samordna migrate</c> with <c>Samordna:Database:ApplicationRole</c>);
/// it sets every table's privileges for the role afresh, so running it again changes nothing and a
/// privilege granted by hand beside it is taken away.
/// </summary>
public static class ApplicationRolePrivileges
{
    /// <summary>Every table not named in <see cref="Restricted"/>.</summary>
    public const string Default = "SELECT, INSERT, UPDATE, DELETE";

    /// <summary>Tables where the application gets less than <see cref="Default"/>, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Restricted = new Dictionary<string, string>
    {
        // Entries and their subjects: appended, read, never changed (but for sealing: a column grant below).
        ["audit_entries"] = "SELECT, INSERT",
        ["audit_subjects"] = "SELECT, INSERT",
        // The chain head is claimed and moved on by the sequencer (AuditSealing), but never removed.
        ["audit_chain_heads"] = "SELECT, INSERT, UPDATE",
        // /health/ready reads which migrations are applied; only the owner applies them.
        [HistoryRepository.DefaultTableName] = "SELECT",
    };

    private static readonly string[] AppendOnly = ["audit_entries", "audit_subjects"];

    /// <summary>
    /// Grants <paramref name="role"/> the application's privileges on every table and sequence of the
    /// current schema, and the same by default on tables and sequences the current user creates there
    /// later. One transaction: the role never sees a moment with fewer rights. Refuses a role that would
    /// still be able to change the audit log (a superuser, the owner, or a member of the owner's role).
    /// </summary>
    public static async Task Grant(SamordnaDbContext db, string role, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) throw new InvalidOperationException("An application role exists only on PostgreSQL.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var exists = await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\" FROM pg_roles WHERE rolname = {role}").AnyAsync(ct);
        if (!exists)
            throw new InvalidOperationException(
                $"The application role '{role}' does not exist: create it first (CREATE ROLE {Quote(role)} LOGIN PASSWORD '…').");
        var schema = await db.Database.SqlQuery<string>($"SELECT current_schema() AS \"Value\"").SingleAsync(ct);
        var tables = await db.Database.SqlQuery<string>($"SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = {schema}")
            .ToListAsync(ct);

        // The owner (or a member of its role) could re-grant itself anything, and a superuser passes every check.
        foreach (var table in AppendOnly.Where(tables.Contains))
        {
            var holdsOwnerRights = await db.Database.SqlQuery<bool>($"""
                SELECT r.rolsuper OR pg_has_role({role}, t.tableowner, 'MEMBER') AS "Value"
                FROM pg_roles r, pg_tables t WHERE r.rolname = {role} AND t.schemaname = {schema} AND t.tablename = {table}
                """).SingleAsync(ct);
            if (holdsOwnerRights) throw StillMayChange(role, table);
        }

        var grantee = Quote(role);
        var inSchema = Quote(schema);
        var statements = new List<string>
        {
            $"REVOKE ALL ON ALL TABLES IN SCHEMA {inSchema} FROM {grantee}",
            $"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {inSchema} FROM {grantee}",
            $"GRANT USAGE ON SCHEMA {inSchema} TO {grantee}",
        };
        statements.AddRange(tables.Order(StringComparer.Ordinal).Select(table =>
            $"GRANT {Restricted.GetValueOrDefault(table, Default)} ON TABLE {inSchema}.{Quote(table)} TO {grantee}"));
        // The sequencer seals entries the requests stored: those three columns, once (the trigger refuses any other change).
        if (tables.Contains("audit_entries"))
            statements.Add($"GRANT UPDATE (sequence, previous_hash, hash) ON TABLE {inSchema}.{Quote("audit_entries")} TO {grantee}");
        statements.Add($"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {inSchema} TO {grantee}");
        // Tables a later migration creates get the default until the next migrate sets them per table.
        statements.Add($"ALTER DEFAULT PRIVILEGES IN SCHEMA {inSchema} GRANT {Default} ON TABLES TO {grantee}");
        statements.Add($"ALTER DEFAULT PRIVILEGES IN SCHEMA {inSchema} GRANT USAGE, SELECT ON SEQUENCES TO {grantee}");
        foreach (var statement in statements) await db.Database.ExecuteSqlRawAsync(statement, ct);

        // Nor through PUBLIC or a role it is a member of.
        foreach (var table in AppendOnly.Where(tables.Contains))
        {
            var qualified = $"{inSchema}.{Quote(table)}";
            var mayChange = await db.Database.SqlQuery<bool>(
                $"SELECT has_table_privilege({role}, {qualified}, 'UPDATE, DELETE, TRUNCATE') AS \"Value\"").SingleAsync(ct);
            if (mayChange) throw StillMayChange(role, table);
        }
        await transaction.CommitAsync(ct);
    }

    private static InvalidOperationException StillMayChange(string role, string table) => new(
        $"The application role '{role}' could still change or delete audit entries in {table} (it is a superuser, the owner, " +
        "a member of the owner's role, or holds the right through PUBLIC or another role): give the web host a role of its own.");

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
