using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samordna.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskAndOfferVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "support_offers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "case_tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "version",
                table: "support_offers");

            migrationBuilder.DropColumn(
                name: "version",
                table: "case_tasks");
        }
    }
}
