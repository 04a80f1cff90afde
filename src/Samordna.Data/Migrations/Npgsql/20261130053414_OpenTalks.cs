using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordna.Data.Migrations.Npgsql
{
    /// <inheritdoc />
    public partial class OpenTalks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "open_talk_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owning_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    concerns = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    started_by = table.Column<Guid>(type: "uuid", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    talk_limit = table.Column<int>(type: "integer", nullable: false),
                    children_involved = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    dropout_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    dropout_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    consent_given_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    consent_recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    consent_method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    consent_covers = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    converted_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    converted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_open_talk_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_open_talk_contacts_cases_converted_case_id",
                        column: x => x.converted_case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_open_talk_contacts_organisation_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_open_talk_contacts_person_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_open_talk_contacts_staff_member_started_by",
                        column: x => x.started_by,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_open_talk_contacts_unit_owning_unit_id",
                        column: x => x.owning_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "open_talk_talks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    held_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    staff_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_open_talk_talks", x => x.id);
                    table.ForeignKey(
                        name: "fk_open_talk_talks_open_talk_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "open_talk_contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_open_talk_talks_staff_members_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_open_talk_contacts_converted_case_id",
                table: "open_talk_contacts",
                column: "converted_case_id");

            migrationBuilder.CreateIndex(
                name: "ix_open_talk_contacts_organisation_id_owning_unit_id_id",
                table: "open_talk_contacts",
                columns: new[] { "organisation_id", "owning_unit_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_open_talk_contacts_organisation_id_started_at",
                table: "open_talk_contacts",
                columns: new[] { "organisation_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_open_talk_contacts_owning_unit_id",
                table: "open_talk_contacts",
                column: "owning_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_open_talk_contacts_person_id",
                table: "open_talk_contacts",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_open_talk_contacts_started_by",
                table: "open_talk_contacts",
                column: "started_by");

            migrationBuilder.CreateIndex(
                name: "ix_open_talk_talks_contact_id_number",
                table: "open_talk_talks",
                columns: new[] { "contact_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_open_talk_talks_staff_member_id",
                table: "open_talk_talks",
                column: "staff_member_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "open_talk_talks");

            migrationBuilder.DropTable(
                name: "open_talk_contacts");
        }
    }
}
