using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveFlow.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class UnitSearchKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                table: "Units",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "Units");
        }
    }
}
