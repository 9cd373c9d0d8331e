using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PhaseTracker.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MatrixRowsByItem : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_MatrixRows_PhaseId_ItemNumber",
                table: "MatrixRows",
                columns: new[] { "PhaseId", "ItemNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MatrixRows_PhaseId_ItemNumber",
                table: "MatrixRows");
        }
    }
}
