using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PhaseTracker.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EditingHistoryAndSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "RoadmapWeeks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Phases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ChangesToPlan",
                table: "DeferredItems",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Deferrals",
                table: "DeferredItems",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAtUtc",
                table: "DeferredItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "DeferredItems",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "DecisionRecords",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "HistoryEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    Via = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    RecordType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecordId = table.Column<int>(type: "integer", nullable: false),
                    PhaseNumber = table.Column<int>(type: "integer", nullable: true),
                    RecordLabel = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HistoryEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    HoursPerDay = table.Column<double>(type: "double precision", nullable: true),
                    PinnedPhaseNumber = table.Column<int>(type: "integer", nullable: true),
                    AllowAnonymousRead = table.Column<bool>(type: "boolean", nullable: true),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    RowVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HistoryEntries_Actor",
                table: "HistoryEntries",
                column: "Actor");

            migrationBuilder.CreateIndex(
                name: "IX_HistoryEntries_AtUtc",
                table: "HistoryEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_HistoryEntries_RecordType_RecordId",
                table: "HistoryEntries",
                columns: new[] { "RecordType", "RecordId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HistoryEntries");

            migrationBuilder.DropTable(
                name: "WorkspaceSettings");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "RoadmapWeeks");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Phases");

            migrationBuilder.DropColumn(
                name: "ChangesToPlan",
                table: "DeferredItems");

            migrationBuilder.DropColumn(
                name: "Deferrals",
                table: "DeferredItems");

            migrationBuilder.DropColumn(
                name: "DeletedAtUtc",
                table: "DeferredItems");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "DeferredItems");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "DecisionRecords");
        }
    }
}
