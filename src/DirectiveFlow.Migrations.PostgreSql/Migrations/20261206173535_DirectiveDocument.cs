using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveFlow.Migrations.PostgreSql.Migrations
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "IssuedOn",
                table: "Directives",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerName",
                table: "Directives",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignerPosition",
                table: "Directives",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "Directives",
                type: "character varying(1000)",
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
