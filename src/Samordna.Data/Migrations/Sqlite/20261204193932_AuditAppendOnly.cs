using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordna.Data.Migrations.Sqlite
{
    /// <summary>
    /// The audit log is append-only in the database itself: triggers refuse every UPDATE and DELETE of an
    /// audit entry or subject. SQLite has no roles, so whoever can write the file can drop the triggers;
    /// the hash chain is what detects that (PostgreSQL adds separate roles, see the Npgsql migration).
    /// </summary>
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "audit_entries", "audit_subjects" })
            foreach (var operation in new[] { "UPDATE", "DELETE" })
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_no_{operation.ToLowerInvariant()} BEFORE {operation} ON {table}
                    BEGIN
                        SELECT RAISE(ABORT, 'the audit log is append-only: {operation} on {table} is refused');
                    END;
                    """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "audit_entries", "audit_subjects" })
            foreach (var operation in new[] { "update", "delete" })
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_{operation};");
        }
    }
}
