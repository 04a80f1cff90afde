using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordna.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditSequencer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Sealing is the one change an entry may see: an unsealed entry (sequence 0, no hash) gets its place in the
            // chain, and nothing else of it changes. Everything else stays refused.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_update;");
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
                WHEN NOT (OLD.sequence = 0 AND OLD.hash = '' AND NEW.sequence > 0 AND NEW.hash <> ''
                          AND NEW.id IS OLD.id AND NEW.organisation_id IS OLD.organisation_id AND NEW.at IS OLD.at AND NEW.staff_member_id IS OLD.staff_member_id AND NEW.actor_name IS OLD.actor_name AND NEW.role IS OLD.role AND NEW.unit_id IS OLD.unit_id AND NEW.action IS OLD.action AND NEW.purpose IS OLD.purpose AND NEW.client_address IS OLD.client_address AND NEW.flags IS OLD.flags)
                BEGIN
                    SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE on audit_entries is refused');
                END;
                """);
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_organisation_id_at",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_organisation_id_sequence",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_organisation_id_sequence",
                table: "audit_entries",
                columns: new[] { "organisation_id", "sequence" },
                unique: true,
                filter: "sequence > 0");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_pending",
                table: "audit_entries",
                columns: new[] { "organisation_id", "at" },
                filter: "sequence = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_update;");
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
                BEGIN
                    SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE on audit_entries is refused');
                END;
                """);
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_organisation_id_sequence",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_pending",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_organisation_id_at",
                table: "audit_entries",
                columns: new[] { "organisation_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_organisation_id_sequence",
                table: "audit_entries",
                columns: new[] { "organisation_id", "sequence" },
                unique: true);
        }
    }
}
