using System.Data.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;

namespace DirectiveFlow.Benchmarks.Overview;

/// <summary>
/// The overview and the ranking's first page as a developer would write them by hand on the same indexes: the counts
/// per pillar and level in one grouped query over the tasks joined to their units, the 12 weeks of the trend in one
/// pass of conditional counts, the running flows looked at for gated cascades; the ranking grouped per unit, ordered
/// and cut in SQL, the page's names and chases read after. A province issuer's scope is the directives issued by the
/// units of the province's localities, as the product defines it.
/// </summary>
internal sealed class HandOverview(DbConnection connection, ProviderValues values, Guid? province)
{
    private const string Open = "t.\"Status\" NOT IN ('Completed', 'Cancelled')";
    private const string OnTime = "t.\"Status\" = 'Completed' AND t.\"CompletedAt\" IS NOT NULL AND t.\"CompletedAt\" <= t.\"DueAt\"";
    private const string Late = "t.\"Status\" = 'Completed' AND (t.\"CompletedAt\" IS NULL OR t.\"CompletedAt\" > t.\"DueAt\")";

    /// <summary>Total, on time, late, within, overdue, due soon, not acknowledged (as <see cref="TaskCategoryCounts"/>), and the trend's 48 counts.</summary>
    public async Task<(TaskCategoryCounts Totals, int[] Trend)> OverviewAsync(CategoryTime time, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset Cut)> weeks)
    {
        await using var command = Command(time);
        command.CommandText = $"""
            SELECT u."Pillar", u."Level",
                count(CASE WHEN t."Status" <> 'Cancelled' THEN 1 END), count(CASE WHEN {OnTime} THEN 1 END), count(CASE WHEN {Late} THEN 1 END),
                count(CASE WHEN {Open} AND t."DueAt" >= @now THEN 1 END), count(CASE WHEN {Open} AND t."DueAt" < @now THEN 1 END),
                count(CASE WHEN {Open} AND t."DueAt" >= @now AND t."DueAt" <= @soon THEN 1 END), count(CASE WHEN t."Status" = 'Assigned' THEN 1 END)
            FROM "Tasks" t JOIN "Units" u ON u."Id" = t."UnitId"
            WHERE t."ParentTaskId" IS NULL {Scope()}
            GROUP BY u."Pillar", u."Level"
            """;
        var totals = TaskCategoryCounts.Empty;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                totals = totals.Add(new TaskCategoryCounts(I(reader, 2), I(reader, 3), I(reader, 4), I(reader, 5), I(reader, 6), I(reader, 7), I(reader, 8)));
            }
        }

        await using var trend = Command(time);
        var counts = new List<string>();
        for (var i = 0; i < weeks.Count; i++)
        {
            BenchSql.Add(trend, $"@s{i}", values.Time(weeks[i].Start));
            BenchSql.Add(trend, $"@c{i}", values.Time(weeks[i].Cut));
            var inWeek = $"t.\"CompletedAt\" >= @s{i} AND t.\"CompletedAt\" < @c{i}";
            counts.Add($"count(CASE WHEN t.\"Status\" <> 'Cancelled' AND t.\"CreatedAt\" >= @s{i} AND t.\"CreatedAt\" < @c{i} THEN 1 END)");
            counts.Add($"count(CASE WHEN {OnTime} AND {inWeek} THEN 1 END)");
            counts.Add($"count(CASE WHEN {Late} AND {inWeek} THEN 1 END)");
            counts.Add($"count(CASE WHEN t.\"Status\" <> 'Cancelled' AND t.\"CreatedAt\" <= @c{i} AND t.\"DueAt\" < @c{i} " +
                $"AND NOT (t.\"Status\" = 'Completed' AND (t.\"CompletedAt\" IS NULL OR t.\"CompletedAt\" <= @c{i})) THEN 1 END)");
        }

        trend.CommandText = $"SELECT {string.Join(", ", counts)} FROM \"Tasks\" t WHERE t.\"ParentTaskId\" IS NULL {Scope()}";
        var series = new int[counts.Count];
        await using (var reader = await trend.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            for (var i = 0; i < series.Length; i++)
            {
                series[i] = I(reader, i);
            }
        }

        await using var flows = Command(time);
        flows.CommandText = "SELECT \"Id\", \"DefinitionRecordId\" FROM \"WorkflowInstances\" WHERE \"Status\" = 'Running'";
        await using (var reader = await flows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
            }
        }

        return (totals, series);
    }

    /// <summary>The commune units ranked (overdue, then on-time rate, then oldest delay), the first <paramref name="pageSize"/>: their overdue counts, and how many units are ranked.</summary>
    public async Task<(int Units, List<int> OpenOverdue)> RankingAsync(CategoryTime time, int pageSize)
    {
        await using var command = Command(time);
        var decided = $"count(CASE WHEN {OnTime} THEN 1 END) + count(CASE WHEN {Late} THEN 1 END) + count(CASE WHEN {Open} AND t.\"DueAt\" < @now THEN 1 END)";
        command.CommandText = $"""
            SELECT r."UnitId", r.overdue, u."Code", u."Name", u."Pillar", u."LocalityCode", r.ranked
            FROM (
                SELECT t."UnitId", count(CASE WHEN t."Status" <> 'Cancelled' THEN 1 END) AS total, count(CASE WHEN {OnTime} THEN 1 END) AS ontime,
                    count(CASE WHEN {Late} THEN 1 END) AS late, count(CASE WHEN {Open} AND t."DueAt" >= @now THEN 1 END) AS within,
                    count(CASE WHEN {Open} AND t."DueAt" < @now THEN 1 END) AS overdue, {decided} AS decided,
                    min(CASE WHEN {Open} AND t."DueAt" < @now THEN t."DueAt" END) AS oldest, count(*) OVER () AS ranked
                FROM "Tasks" t JOIN "Units" cu ON cu."Id" = t."UnitId" AND cu."Level" = 'Commune'
                WHERE t."ParentTaskId" IS NULL {Scope()}
                GROUP BY t."UnitId"
                HAVING count(CASE WHEN t."Status" <> 'Cancelled' THEN 1 END) > 0) r
            JOIN "Units" u ON u."Id" = r."UnitId"
            ORDER BY r.overdue DESC, CASE WHEN r.decided = 0 THEN 1 ELSE 0 END, CASE WHEN r.decided = 0 THEN 0 ELSE r.ontime * 1.0 / r.decided END,
                r.oldest, u."Code"
            LIMIT {pageSize}
            """;
        var overdue = new List<int>();
        var page = new List<object>();
        var ranked = 0;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                page.Add(reader.GetValue(0));
                overdue.Add(I(reader, 1));
                ranked = I(reader, 6);
            }
        }

        // The page's chases: the sweep's step rows in the outbox about the page's units' tasks.
        await using var chases = Command(time);
        var keys = string.Join(", ", page.Select((_, i) => $"@u{i}"));
        for (var i = 0; i < page.Count; i++)
        {
            BenchSql.Add(chases, $"@u{i}", page[i]);
        }

        chases.CommandText = page.Count == 0 ? "SELECT 1 WHERE 1 = 0" : $"""
            SELECT t."UnitId", count(*) FROM "Tasks" t JOIN "Outbox" m ON m."TaskId" = t."Id"
            WHERE t."UnitId" IN ({keys}) AND t."ParentTaskId" IS NULL {Scope()} AND ({string.Join(" OR ", ChaseKeys.Prefixes.Select(k => $"m.\"DedupeKey\" LIKE '{k}%'"))})
            GROUP BY t."UnitId"
            """;
        await using (var reader = await chases.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
            }
        }

        return (ranked, overdue);
    }

    private string Scope() => province is null ? "" : """
        AND t."DirectiveId" IN (SELECT d."Id" FROM "Directives" d WHERE d."IssuingUnitId" IN (
            SELECT pu."Id" FROM "Units" pu WHERE pu."LocalityId" = @province OR pu."LocalityId" IN (SELECT l."Id" FROM "Localities" l WHERE l."ParentId" = @province)))
        """;

    private DbCommand Command(CategoryTime time)
    {
        var command = connection.CreateCommand();
        command.CommandTimeout = 600;
        BenchSql.Add(command, "@now", values.Time(time.Now));
        BenchSql.Add(command, "@soon", values.Time(time.DueSoonLimit));
        if (province is { } p)
        {
            BenchSql.Add(command, "@province", values.Id(p));
        }

        return command;
    }

    private static int I(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
