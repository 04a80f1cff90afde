using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordna.Data.Migrations.Npgsql
{
    /// <inheritdoc />
    public partial class AuditSequencer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Sealing is the one change an entry may see: an unsealed entry (sequence 0, no hash) gets its place in the
            // chain, and nothing else of it changes. Everything else stays refused, for every role.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- Nested: audit_subjects rows have no sequence column to look at.
                    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'audit_entries' THEN
                        IF OLD.sequence = 0 AND OLD.hash = '' AND NEW.sequence > 0 AND NEW.hash <> ''
                           AND to_jsonb(NEW) - 'sequence' - 'previous_hash' - 'hash' = to_jsonb(OLD) - 'sequence' - 'previous_hash' - 'hash' THEN
                            RETURN NEW;
                        END IF;
                    END IF;
                    RAISE EXCEPTION 'the audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
                        USING HINT = 'Audit entries are sealed into a hash chain once; they are never changed or deleted.';
                END;
                $$;
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
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
                        USING HINT = 'Audit entries are sealed into a hash chain; they are never changed or deleted.';
                END;
                $$;
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
