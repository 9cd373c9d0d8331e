using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhaseTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RoadmapWeekSoftDelete : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAtUtc",
                table: "RoadmapWeeks",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeletedAtUtc",
                table: "RoadmapWeeks");
        }
    }
}
