using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Samordna.Data.Migrations.Npgsql
{
    /// <inheritdoc />
    public partial class CaseProcess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "classification",
                table: "cases",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closing_reason",
                table: "cases",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "decided_at",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "intake_channel",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Application");

            migrationBuilder.AddColumn<Guid>(
                name: "intake_receiving_unit_id",
                table: "cases",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "intake_reporter",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "investigation",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Initiated");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "investigation_started_at",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "no_investigation_reason",
                table: "cases",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reopening_reason",
                table: "cases",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "cases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "support_ended_at",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "support_started_at",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    required = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    rule_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    legal_basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    waiver_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    extension_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_tasks_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "classification_terms",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    dimension = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_classification_terms", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "reports_of_concern",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    child_case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reporting_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    filed_by = table.Column<Guid>(type: "uuid", nullable: false),
                    reporter = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    concerns = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports_of_concern", x => x.id);
                    table.ForeignKey(
                        name: "fk_reports_of_concern_cases_child_case_id",
                        column: x => x.child_case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reports_of_concern_people_child_person_id",
                        column: x => x.child_person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "classification_terms",
                columns: new[] { "code", "active", "dimension", "label", "order" },
                values: new object[,]
                {
                    { "context.child-to-parent", true, "Context", "Vuxet barn mot förälder", 130 },
                    { "context.honour", true, "Context", "Hedersrelaterat våld och förtryck (flera utövare)", 160 },
                    { "context.other-relative", true, "Context", "Annan anhörig", 150 },
                    { "context.parent-to-child", true, "Context", "Förälder mot barn", 120 },
                    { "context.partner", true, "Context", "Partner eller tidigare partner", 110 },
                    { "context.sibling", true, "Context", "Syskon", 140 },
                    { "exposure.child-subjected", true, "Exposure", "Barn har utsatts för våld", 220 },
                    { "exposure.child-witnessed", true, "Exposure", "Barn har bevittnat våld", 210 },
                    { "exposure.own-violence", true, "Exposure", "Egen våldsanvändning", 230 },
                    { "form.digital", true, "ViolenceForm", "Digitalt våld", 60 },
                    { "form.economic", true, "ViolenceForm", "Ekonomiskt våld", 40 },
                    { "form.latent", true, "ViolenceForm", "Latent våld", 70 },
                    { "form.material", true, "ViolenceForm", "Materiellt våld", 50 },
                    { "form.neglect", true, "ViolenceForm", "Försummelse", 80 },
                    { "form.physical", true, "ViolenceForm", "Fysiskt våld", 10 },
                    { "form.psychological", true, "ViolenceForm", "Psykiskt våld", 20 },
                    { "form.sexual", true, "ViolenceForm", "Sexuellt våld", 30 }
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_tasks_case_id",
                table: "case_tasks",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_tasks_organisation_id_status_due_date",
                table: "case_tasks",
                columns: new[] { "organisation_id", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_reports_of_concern_child_case_id",
                table: "reports_of_concern",
                column: "child_case_id");

            migrationBuilder.CreateIndex(
                name: "ix_reports_of_concern_child_person_id",
                table: "reports_of_concern",
                column: "child_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_reports_of_concern_from_case_id",
                table: "reports_of_concern",
                column: "from_case_id");

            migrationBuilder.CreateIndex(
                name: "ix_reports_of_concern_organisation_id_received_at",
                table: "reports_of_concern",
                columns: new[] { "organisation_id", "received_at" });
        
            // Cases from before the case process: they came in to the unit that owns them.
            migrationBuilder.Sql("UPDATE cases SET intake_receiving_unit_id = owning_unit_id");
        }


        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_tasks");

            migrationBuilder.DropTable(
                name: "classification_terms");

            migrationBuilder.DropTable(
                name: "reports_of_concern");

            migrationBuilder.DropColumn(
                name: "classification",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "closing_reason",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "decided_at",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "intake_channel",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "intake_receiving_unit_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "intake_reporter",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "investigation",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "investigation_started_at",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "no_investigation_reason",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "reopening_reason",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "status",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "support_ended_at",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "support_started_at",
                table: "cases");
        }
    }
}
