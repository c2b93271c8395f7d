using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Benchmarks.Overview;

/// <summary>
/// Gives the seeded tasks the deadlines a cascade gives: every task of a directive shares the directive's deadline
/// (30 to 146 days after it was issued, so from 60 days ago to 56 days ahead), one open task in twenty carries an
/// approved extension of a week, and a completion keeps its distance to the deadline (−4 to +2 days: some late).
/// The inbox seed spreads deadlines task by task, which no cascade does and which would give the tallies one row per task.
/// </summary>
internal static class CascadeDeadlines
{
    public static async Task ShareAsync(DirectiveFlowDbContext db, DateTimeOffset now)
    {
        var values = new ProviderValues(db.Database.ProviderName);
        string Days(string days) => values.IsSqlite ? $"({days}) * 864000000000" : $"({days}) * interval '1 day'";
        var issuedDay = values.IsSqlite ? "(d.\"CreatedAt\" - @origin) / 864000000000" : "extract(day from d.\"CreatedAt\" - @origin)::int";
        var due = $"d.\"CreatedAt\" + {Days($"30 + 4 * {issuedDay}")} + CASE WHEN \"Tasks\".\"Status\" NOT IN ('Completed', 'Cancelled') AND \"Tasks\".\"ProgressPercent\" % 20 = 19 THEN {Days("7")} ELSE {Days("0")} END";
        var sql = $"""
            UPDATE "Tasks" SET "DueAt" = {due}, "OriginalDueAt" = {due},
                "CompletedAt" = CASE WHEN "Tasks"."CompletedAt" IS NULL THEN NULL ELSE {due} + ("Tasks"."CompletedAt" - "Tasks"."DueAt") END
            FROM "Directives" d WHERE d."Id" = "Tasks"."DirectiveId"
            """;
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 3600;
        BenchSql.Add(command, "@origin", values.Time(now.AddDays(-90)));
        await command.ExecuteNonQueryAsync();
        await db.Database.CloseConnectionAsync();
    }
}
