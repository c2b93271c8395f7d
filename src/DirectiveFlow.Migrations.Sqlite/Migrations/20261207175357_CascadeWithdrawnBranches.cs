using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveFlow.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CascadeWithdrawnBranches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WithdrawnBranches",
                table: "ActivityExecutions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WithdrawnBranches",
                table: "ActivityExecutions");
        }
    }
}
