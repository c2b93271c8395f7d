using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveFlow.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DirectiveDocument : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Deadline",
                table: "Directives",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "IssuedOn",
                table: "Directives",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerName",
                table: "Directives",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerPosition",
                table: "Directives",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "Directives",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directives_IssuedOn",
                table: "Directives",
                column: "IssuedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Directives_IssuedOn",
                table: "Directives");

            migrationBuilder.DropColumn(
                name: "Deadline",
                table: "Directives");

            migrationBuilder.DropColumn(
                name: "IssuedOn",
                table: "Directives");

            migrationBuilder.DropColumn(
                name: "SignerName",
                table: "Directives");

            migrationBuilder.DropColumn(
                name: "SignerPosition",
                table: "Directives");

            migrationBuilder.DropColumn(
                name: "Summary",
                table: "Directives");
        }
    }
}
