using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DirectiveFlow.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ItemsAndSharedKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_InstanceId_ActivityId_UnitId",
                table: "Tasks");

            migrationBuilder.AddColumn<int>(
                name: "ItemNo",
                table: "Tasks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ItemNo",
                table: "ActivityExecutions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectiveItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupportingUnitIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    DeadlineDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DeadlineDays = table.Column<int>(type: "integer", nullable: true),
                    Periodic = table.Column<bool>(type: "boolean", nullable: false),
                    Priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveItems", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_InstanceId_ActivityId_UnitId_ItemNo",
                table: "Tasks",
                columns: new[] { "InstanceId", "ActivityId", "UnitId", "ItemNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveItems_DirectiveId_Ordinal",
                table: "DirectiveItems",
                columns: new[] { "DirectiveId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveItems_LeadUnitId",
                table: "DirectiveItems",
                column: "LeadUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DirectiveItems");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_InstanceId_ActivityId_UnitId_ItemNo",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "ItemNo",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "ItemNo",
                table: "ActivityExecutions");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_InstanceId_ActivityId_UnitId",
                table: "Tasks",
                columns: new[] { "InstanceId", "ActivityId", "UnitId" },
                unique: true);
        }
    }
}
