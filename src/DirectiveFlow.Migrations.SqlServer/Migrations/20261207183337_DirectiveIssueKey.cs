using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveFlow.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DirectiveIssueKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IssueKey",
                table: "Directives",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directives_CreatedBy_IssueKey",
                table: "Directives",
                columns: new[] { "CreatedBy", "IssueKey" },
                unique: true,
                filter: "[IssueKey] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Directives_CreatedBy_IssueKey",
                table: "Directives");

            migrationBuilder.DropColumn(
                name: "IssueKey",
                table: "Directives");
        }
    }
}
