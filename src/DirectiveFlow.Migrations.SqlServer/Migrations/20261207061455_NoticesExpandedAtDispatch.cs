using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveFlow.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class NoticesExpandedAtDispatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NoticeCount",
                table: "OutboxModels",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "NoticeDirectiveId",
                table: "OutboxModels",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoticeTemplate",
                table: "OutboxModels",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notices",
                table: "OutboxModels",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxModels_NoticesPending",
                table: "OutboxModels",
                column: "Id",
                filter: "\"NoticeCount\" > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxModels_NoticesPending",
                table: "OutboxModels");

            migrationBuilder.DropColumn(
                name: "NoticeCount",
                table: "OutboxModels");

            migrationBuilder.DropColumn(
                name: "NoticeDirectiveId",
                table: "OutboxModels");

            migrationBuilder.DropColumn(
                name: "NoticeTemplate",
                table: "OutboxModels");

            migrationBuilder.DropColumn(
                name: "Notices",
                table: "OutboxModels");
        }
    }
}
