using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveFlow.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directives_CreatedBy_IssueKey",
                table: "Directives",
                columns: new[] { "CreatedBy", "IssueKey" },
                unique: true);
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
