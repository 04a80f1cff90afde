using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordna.Data.Migrations.Npgsql
{
    /// <summary>
    /// The audit log is append-only in the database itself, not only in the application: a row trigger
    /// refuses every UPDATE and DELETE of an audit entry or subject, whoever asks (the owner too), and
    /// PUBLIC holds no right to change them. The application's own role gets only SELECT and INSERT on
    /// these tables from <c>samordna migrate</c> (<see cref="ApplicationRolePrivileges"/>).
    /// No TRUNCATE trigger: the owner may still empty the tables (test databases are reset that way),
    /// and the application's role holds no TRUNCATE right.
    /// </summary>
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
                        USING HINT = 'Audit entries are sealed into a hash chain; they are never changed or deleted.';
                END;
                $$;
                """);
            foreach (var table in new[] { "audit_entries", "audit_subjects" })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
                        FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
                    """);
                migrationBuilder.Sql($"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM PUBLIC;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "audit_entries", "audit_subjects" })
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_append_only ON {table};");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_log_is_append_only();");
        }
    }
}
