using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordna.Data.Migrations.Npgsql
{
    /// <inheritdoc />
    public partial class Handovers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "handovers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handed_over_by = table.Column<Guid>(type: "uuid", nullable: false),
                    handed_over_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    receiver_joined_team = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_by = table.Column<Guid>(type: "uuid", nullable: true),
                    declined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    declined_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    summary_assessments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    summary_other_notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    summary_risks = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    summary_what_happened = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    summary_what_the_client_has_told_already = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handovers", x => x.id);
                    table.ForeignKey(
                        name: "fk_handovers_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_handovers_staff_member_accepted_by",
                        column: x => x.accepted_by,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_handovers_staff_member_declined_by",
                        column: x => x.declined_by,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_handovers_staff_member_handed_over_by",
                        column: x => x.handed_over_by,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_handovers_unit_from_unit_id",
                        column: x => x.from_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_handovers_unit_to_unit_id",
                        column: x => x.to_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "waiting_list_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handover_id = table.Column<Guid>(type: "uuid", nullable: true),
                    referred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    referred_by = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    first_session_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_session_recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    waiting_days = table.Column<int>(type: "integer", nullable: true),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    removed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    removal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_waiting_list_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_waiting_list_entries_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_waiting_list_entries_handovers_handover_id",
                        column: x => x.handover_id,
                        principalTable: "handovers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_waiting_list_entries_staff_members_first_session_recorded_by",
                        column: x => x.first_session_recorded_by,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_waiting_list_entries_staff_members_referred_by",
                        column: x => x.referred_by,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_waiting_list_entries_staff_members_removed_by",
                        column: x => x.removed_by,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_waiting_list_entries_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "waiting_list_interim_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    staff_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_waiting_list_interim_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_waiting_list_interim_contacts_staff_member_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_waiting_list_interim_contacts_waiting_list_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "waiting_list_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_handovers_accepted_by",
                table: "handovers",
                column: "accepted_by");

            migrationBuilder.CreateIndex(
                name: "ix_handovers_case_id_to_unit_id",
                table: "handovers",
                columns: new[] { "case_id", "to_unit_id" },
                unique: true,
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_handovers_declined_by",
                table: "handovers",
                column: "declined_by");

            migrationBuilder.CreateIndex(
                name: "ix_handovers_from_unit_id",
                table: "handovers",
                column: "from_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_handovers_handed_over_by",
                table: "handovers",
                column: "handed_over_by");

            migrationBuilder.CreateIndex(
                name: "ix_handovers_organisation_id_status_handed_over_at",
                table: "handovers",
                columns: new[] { "organisation_id", "status", "handed_over_at" });

            migrationBuilder.CreateIndex(
                name: "ix_handovers_to_unit_id",
                table: "handovers",
                column: "to_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_waiting_list_entries_case_id_unit_id",
                table: "waiting_list_entries",
                columns: new[] { "case_id", "unit_id" },
                unique: true,
                filter: "status = 'Waiting'");

            migrationBuilder.CreateIndex(
                name: "ix_waiting_list_entries_first_session_recorded_by",
                table: "waiting_list_entries",
                column: "first_session_recorded_by");

            migrationBuilder.CreateIndex(
                name: "ix_waiting_list_entries_handover_id",
                table: "waiting_list_entries",
                column: "handover_id");

            migrationBuilder.CreateIndex(
                name: "ix_waiting_list_entries_referred_by",
                table: "waiting_list_entries",
                column: "referred_by");

            migrationBuilder.CreateIndex(
                name: "ix_waiting_list_entries_removed_by",
                table: "waiting_list_entries",
                column: "removed_by");

            migrationBuilder.CreateIndex(
                name: "ix_waiting_list_entries_unit_id_status_referred_at",
                table: "waiting_list_entries",
                columns: new[] { "unit_id", "status", "referred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_waiting_list_interim_contacts_entry_id",
                table: "waiting_list_interim_contacts",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_waiting_list_interim_contacts_staff_member_id",
                table: "waiting_list_interim_contacts",
                column: "staff_member_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "waiting_list_interim_contacts");

            migrationBuilder.DropTable(
                name: "waiting_list_entries");

            migrationBuilder.DropTable(
                name: "handovers");
        }
    }
}
