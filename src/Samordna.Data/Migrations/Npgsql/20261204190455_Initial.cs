using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Samordna.Data.Migrations.Npgsql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_chain_heads",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false),
                    last_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_chain_heads", x => x.organisation_id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    staff_member_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    client_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    flags = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    previous_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
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
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    municipality_code = table.Column<string>(type: "character(4)", fixedLength: true, maxLength: 4, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_role_claims_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "audit_subjects",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    staff_member_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_subjects", x => x.id);
                    table.ForeignKey(
                        name: "fk_audit_subjects_audit_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "audit_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_districts", x => x.id);
                    table.ForeignKey(
                        name: "fk_districts_organisation_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    protected_data_clearance = table.Column<bool>(type: "boolean", nullable: false),
                    identity_number = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    home_address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_members_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "population_figures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    district_id = table.Column<Guid>(type: "uuid", nullable: true),
                    year = table.Column<int>(type: "integer", nullable: false),
                    gender = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    age_from = table.Column<int>(type: "integer", nullable: false),
                    age_to = table.Column<int>(type: "integer", nullable: false),
                    residents = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_population_figures", x => x.id);
                    table.ForeignKey(
                        name: "fk_population_figures_districts_district_id",
                        column: x => x.district_id,
                        principalTable: "districts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_population_figures_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    district_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_units_districts_district_id",
                        column: x => x.district_id,
                        principalTable: "districts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_units_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_users_staff_member_id",
                        column: x => x.id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_access_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    protected_data_clearance = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_access_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_access_requests_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_staff_access_requests_staff_member_decided_by",
                        column: x => x.decided_by,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_staff_access_requests_staff_member_requested_by",
                        column: x => x.requested_by,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_staff_access_requests_staff_member_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_groups_organisation_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_case_groups_unit_created_by_unit_id",
                        column: x => x.created_by_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    identity_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    identity_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    pseudonym = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    gender = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    protected_identity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    registering_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    shares_number = table.Column<bool>(type: "boolean", nullable: false),
                    merged_into_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    contact_city = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    contact_postal_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    contact_street_address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_people", x => x.id);
                    table.ForeignKey(
                        name: "fk_people_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_people_unit_registering_unit_id",
                        column: x => x.registering_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_assignments_staff_member_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_role_assignments_unit_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_user_claims_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_asp_net_user_logins_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_asp_net_user_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_access_request_roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_access_request_roles", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_access_request_roles_staff_access_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "staff_access_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_staff_access_request_roles_unit_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    owning_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    responsible_staff_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_by = table.Column<Guid>(type: "uuid", nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    classification = table.Column<List<string>>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    investigation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    investigation_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    no_investigation_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    support_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    support_ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closing_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    reopening_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    intake_channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    intake_receiving_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    intake_reporter = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_cases_case_group_case_group_id",
                        column: x => x.case_group_id,
                        principalTable: "case_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cases_organisation_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cases_person_subject_person_id",
                        column: x => x.subject_person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cases_staff_member_opened_by",
                        column: x => x.opened_by,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cases_staff_member_responsible_staff_id",
                        column: x => x.responsible_staff_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cases_unit_owning_unit_id",
                        column: x => x.owning_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "identity_matches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    existing_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registered_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    found_by = table.Column<Guid>(type: "uuid", nullable: false),
                    found_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    resolved_by = table.Column<Guid>(type: "uuid", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identity_matches", x => x.id);
                    table.ForeignKey(
                        name: "fk_identity_matches_person_existing_person_id",
                        column: x => x.existing_person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_identity_matches_person_registered_person_id",
                        column: x => x.registered_person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_parties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_parties", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_parties_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_parties_person_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "case_team_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    added_by = table.Column<Guid>(type: "uuid", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_team_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_team_members_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_team_members_unit_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "emergency_accesses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    granted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emergency_accesses", x => x.id);
                    table.ForeignKey(
                        name: "fk_emergency_accesses_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_emergency_accesses_staff_member_staff_member_id",
                        column: x => x.staff_member_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "journal_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    corrects_entry_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_journal_entries_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_journal_entries_journal_entries_corrects_entry_id",
                        column: x => x.corrects_entry_id,
                        principalTable: "journal_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_journal_entries_staff_member_author_id",
                        column: x => x.author_id,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "motivation_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessed_by = table.Column<Guid>(type: "uuid", nullable: false),
                    assessed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attitude = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    motivation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                name: "police_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    registered_by = table.Column<Guid>(type: "uuid", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "support_offers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    offered_by = table.Column<Guid>(type: "uuid", nullable: false),
                    offered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    offer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    response = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                name: "ix_asp_net_role_claims_role_id",
                table: "AspNetRoleClaims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_claims_user_id",
                table: "AspNetUserClaims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_logins_user_id",
                table: "AspNetUserLogins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_roles_role_id",
                table: "AspNetUserRoles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_organisation_id_at",
                table: "audit_entries",
                columns: new[] { "organisation_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_organisation_id_sequence",
                table: "audit_entries",
                columns: new[] { "organisation_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_organisation_id_staff_member_id_at",
                table: "audit_entries",
                columns: new[] { "organisation_id", "staff_member_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_subjects_case_id",
                table: "audit_subjects",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_subjects_entry_id",
                table: "audit_subjects",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_subjects_person_id",
                table: "audit_subjects",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_subjects_staff_member_id",
                table: "audit_subjects",
                column: "staff_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_groups_created_by_unit_id",
                table: "case_groups",
                column: "created_by_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_groups_organisation_id",
                table: "case_groups",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_parties_case_id_person_id",
                table: "case_parties",
                columns: new[] { "case_id", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_parties_person_id",
                table: "case_parties",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_tasks_case_id",
                table: "case_tasks",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_tasks_organisation_id_status_due_date",
                table: "case_tasks",
                columns: new[] { "organisation_id", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_case_team_members_case_id_unit_id",
                table: "case_team_members",
                columns: new[] { "case_id", "unit_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_team_members_unit_id",
                table: "case_team_members",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_case_group_id",
                table: "cases",
                column: "case_group_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_opened_by",
                table: "cases",
                column: "opened_by");

            migrationBuilder.CreateIndex(
                name: "ix_cases_organisation_id_owning_unit_id_id",
                table: "cases",
                columns: new[] { "organisation_id", "owning_unit_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_owning_unit_id",
                table: "cases",
                column: "owning_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_responsible_staff_id",
                table: "cases",
                column: "responsible_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_subject_person_id",
                table: "cases",
                column: "subject_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_districts_organisation_id",
                table: "districts",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_accesses_case_id",
                table: "emergency_accesses",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_emergency_accesses_staff_member_id_case_id_expires_at",
                table: "emergency_accesses",
                columns: new[] { "staff_member_id", "case_id", "expires_at" });

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
                name: "ix_identity_matches_existing_person_id",
                table: "identity_matches",
                column: "existing_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_identity_matches_organisation_id_status_existing_person_id",
                table: "identity_matches",
                columns: new[] { "organisation_id", "status", "existing_person_id" });

            migrationBuilder.CreateIndex(
                name: "ix_identity_matches_registered_person_id",
                table: "identity_matches",
                column: "registered_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_author_id",
                table: "journal_entries",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_case_id_id",
                table: "journal_entries",
                columns: new[] { "case_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_entries_corrects_entry_id",
                table: "journal_entries",
                column: "corrects_entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_motivation_assessments_case_id",
                table: "motivation_assessments",
                column: "case_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_organisations_municipality_code",
                table: "organisations",
                column: "municipality_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_people_organisation_id_identity_number_all",
                table: "people",
                columns: new[] { "organisation_id", "identity_number" },
                unique: true,
                filter: "identity_number IS NOT NULL AND NOT shares_number");

            migrationBuilder.CreateIndex(
                name: "ix_people_organisation_id_last_name",
                table: "people",
                columns: new[] { "organisation_id", "last_name" });

            migrationBuilder.CreateIndex(
                name: "ix_people_registering_unit_id",
                table: "people",
                column: "registering_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_police_events_case_id",
                table: "police_events",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_population_figures_district_id",
                table: "population_figures",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_population_figures_organisation_id_district_id_year_gender_",
                table: "population_figures",
                columns: new[] { "organisation_id", "district_id", "year", "gender", "age_from" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_role_assignments_staff_member_id_unit_id_role",
                table: "role_assignments",
                columns: new[] { "staff_member_id", "unit_id", "role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_role_assignments_unit_id",
                table: "role_assignments",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_access_request_roles_request_id_unit_id_role",
                table: "staff_access_request_roles",
                columns: new[] { "request_id", "unit_id", "role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_access_request_roles_unit_id",
                table: "staff_access_request_roles",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_access_requests_decided_by",
                table: "staff_access_requests",
                column: "decided_by");

            migrationBuilder.CreateIndex(
                name: "ix_staff_access_requests_organisation_id_status_requested_at",
                table: "staff_access_requests",
                columns: new[] { "organisation_id", "status", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_access_requests_requested_by",
                table: "staff_access_requests",
                column: "requested_by");

            migrationBuilder.CreateIndex(
                name: "ix_staff_access_requests_staff_member_id",
                table: "staff_access_requests",
                column: "staff_member_id",
                unique: true,
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_organisation_id",
                table: "staff_members",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_user_name",
                table: "staff_members",
                column: "user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_support_offers_case_id",
                table: "support_offers",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_district_id",
                table: "units",
                column: "district_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_organisation_id",
                table: "units",
                column: "organisation_id");

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
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "audit_chain_heads");

            migrationBuilder.DropTable(
                name: "audit_subjects");

            migrationBuilder.DropTable(
                name: "case_parties");

            migrationBuilder.DropTable(
                name: "case_tasks");

            migrationBuilder.DropTable(
                name: "case_team_members");

            migrationBuilder.DropTable(
                name: "classification_terms");

            migrationBuilder.DropTable(
                name: "emergency_accesses");

            migrationBuilder.DropTable(
                name: "identity_matches");

            migrationBuilder.DropTable(
                name: "journal_entries");

            migrationBuilder.DropTable(
                name: "motivation_assessments");

            migrationBuilder.DropTable(
                name: "open_talk_talks");

            migrationBuilder.DropTable(
                name: "police_events");

            migrationBuilder.DropTable(
                name: "population_figures");

            migrationBuilder.DropTable(
                name: "reports_of_concern");

            migrationBuilder.DropTable(
                name: "role_assignments");

            migrationBuilder.DropTable(
                name: "staff_access_request_roles");

            migrationBuilder.DropTable(
                name: "support_offers");

            migrationBuilder.DropTable(
                name: "waiting_list_interim_contacts");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "open_talk_contacts");

            migrationBuilder.DropTable(
                name: "staff_access_requests");

            migrationBuilder.DropTable(
                name: "waiting_list_entries");

            migrationBuilder.DropTable(
                name: "handovers");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "case_groups");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "staff_members");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropTable(
                name: "districts");

            migrationBuilder.DropTable(
                name: "organisations");
        }
    }
}
