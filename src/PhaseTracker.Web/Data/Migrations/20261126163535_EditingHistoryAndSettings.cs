using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhaseTracker.Web.Data.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Phases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ChangesToPlan",
                table: "DeferredItems",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Deferrals",
                table: "DeferredItems",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAtUtc",
                table: "DeferredItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "DeferredItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "DecisionRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "HistoryEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Via = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordLabel = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HistoryEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkspaceSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HoursPerDay = table.Column<double>(type: "REAL", nullable: true),
                    PinnedPhaseNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    AllowAnonymousRead = table.Column<bool>(type: "INTEGER", nullable: true),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RowVersion = table.Column<int>(type: "INTEGER", nullable: false)
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
