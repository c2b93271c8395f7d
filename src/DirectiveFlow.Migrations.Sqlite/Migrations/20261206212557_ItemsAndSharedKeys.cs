using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveFlow.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ItemNo",
                table: "ActivityExecutions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectiveItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DirectiveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupportingUnitIds = table.Column<string>(type: "TEXT", nullable: false),
                    DeadlineDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeadlineDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Periodic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
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
