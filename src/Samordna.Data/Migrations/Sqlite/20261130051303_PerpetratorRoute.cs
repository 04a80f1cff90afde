using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordna.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PerpetratorRoute : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "motivation_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    assessed_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    assessed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    attitude = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    motivation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_motivation_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_motivation_assessments_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "police_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    registered_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    registered_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_police_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_police_events_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "support_offers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    offered_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    offered_at = table.Column<long>(type: "INTEGER", nullable: false),
                    offer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    response = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    responded_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_offers", x => x.id);
                    table.ForeignKey(
                        name: "fk_support_offers_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_motivation_assessments_case_id",
                table: "motivation_assessments",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_police_events_case_id",
                table: "police_events",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_offers_case_id",
                table: "support_offers",
                column: "case_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "motivation_assessments");

            migrationBuilder.DropTable(
                name: "police_events");

            migrationBuilder.DropTable(
                name: "support_offers");
        }
    }
}
