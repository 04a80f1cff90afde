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
