using System;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Reports.Tallies;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DirectiveFlow.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class TaskTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_ParentTaskId",
                table: "Tasks");

            migrationBuilder.CreateTable(
                name: "TaskTallies",
                columns: table => new
                {
                    DirectiveId = table.Column<Guid>(type: "uuid", nullable: false),
                    Pillar = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Bucket = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedWeek = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAtWeekStart = table.Column<bool>(type: "boolean", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskTallies", x => new { x.DirectiveId, x.Pillar, x.Level, x.ProvinceCode, x.Bucket, x.DueAt, x.CreatedAt, x.CompletedWeek, x.CompletedAtWeekStart });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_CompletedAt",
                table: "Tasks",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Report",
                table: "Tasks",
                columns: new[] { "ParentTaskId", "UnitId", "Status", "DueAt", "CompletedAt", "CreatedAt", "DirectiveId" });

            // The tallies are kept by triggers on "Tasks" and backfilled from the tasks already there (see TaskTallySql).
            foreach (var sql in TaskTallySql.CreateTriggers(DatabaseProvider.PostgreSql).Concat(TaskTallySql.Rebuild(DatabaseProvider.PostgreSql)))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in TaskTallySql.DropTriggers(DatabaseProvider.PostgreSql))
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropTable(
                name: "TaskTallies");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_CompletedAt",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_Report",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_ParentTaskId",
                table: "Tasks",
                column: "ParentTaskId");
        }
    }
}
