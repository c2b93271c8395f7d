using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveFlow.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ClusterLeasesAndSharedDemoClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeaseUntil",
                table: "Outbox",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "ActivityExecutions",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeaseUntil",
                table: "ActivityExecutions",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DemoClock",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    OffsetTicks = table.Column<long>(type: "bigint", nullable: false),
                    AdvancedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemoClock", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "DemoClock",
                columns: new[] { "Id", "AdvancedAt", "OffsetTicks" },
                values: new object[] { 1, null, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityExecutions_LeaseUntil",
                table: "ActivityExecutions",
                column: "LeaseUntil",
                filter: "\"LeaseUntil\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DemoClock");

            migrationBuilder.DropIndex(
                name: "IX_ActivityExecutions_LeaseUntil",
                table: "ActivityExecutions");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "ActivityExecutions");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "ActivityExecutions");
        }
    }
}
