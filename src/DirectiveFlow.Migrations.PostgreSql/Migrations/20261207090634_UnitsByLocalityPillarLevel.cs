using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveFlow.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class UnitsByLocalityPillarLevel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Units_LocalityId",
                table: "Units");

            migrationBuilder.CreateIndex(
                name: "IX_Units_LocalityId_Pillar_Level",
                table: "Units",
                columns: new[] { "LocalityId", "Pillar", "Level" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Units_LocalityId_Pillar_Level",
                table: "Units");

            migrationBuilder.CreateIndex(
                name: "IX_Units_LocalityId",
                table: "Units",
                column: "LocalityId");
        }
    }
}
