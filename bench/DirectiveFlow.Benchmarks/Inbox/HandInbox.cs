using System.Data.Common;
using System.Text.Json;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence.Sql;

namespace DirectiveFlow.Benchmarks.Inbox;

/// <summary>
/// The inbox as a developer would write it by hand on the same indexes: the caller's units first (for a head, its
/// sub-units by one recursive query on the small Units table), then one conditional count of every category and the
/// first page sorted by deadline with unit and directive names, each probing the (UnitId, …) index with those keys.
/// The baseline the product's queries are compared with.
/// </summary>
internal sealed class HandInbox(DbConnection connection, ProviderValues values)
{
    private const string Closed = "'Completed', 'Cancelled'";

    public async Task<List<Guid>> UnitsAsync(Guid unit, bool head)
    {
        if (!head)
        {
            return [unit];
        }

        await using var command = connection.CreateCommand();
        var root = values.IsPostgres ? "@unit::uuid" : "@unit";
        command.CommandText = $"WITH RECURSIVE v(id) AS (SELECT {root} UNION SELECT u.\"Id\" FROM \"Units\" u JOIN v ON u.\"ParentId\" = v.id) SELECT id FROM v";
        BenchSql.Add(command, "@unit", values.Id(unit));
        var units = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            units.Add(values.ReadId(reader, 0));
        }

        return units;
    }

    public async Task<int> CountsAsync(IReadOnlyList<Guid> units, DateTimeOffset now, DateTimeOffset dueSoonLimit)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT count(*),
                count(CASE WHEN t."Status" = 'Completed' AND t."CompletedAt" IS NOT NULL AND t."CompletedAt" <= t."DueAt" THEN 1 END),
                count(CASE WHEN t."Status" = 'Completed' AND t."CompletedAt" IS NOT NULL AND t."CompletedAt" > t."DueAt" THEN 1 END),
                count(CASE WHEN t."Status" NOT IN ({Closed}) AND t."DueAt" >= @now THEN 1 END),
                count(CASE WHEN t."Status" NOT IN ({Closed}) AND t."DueAt" >= @now AND t."DueAt" <= @soon THEN 1 END),
                count(CASE WHEN t."Status" NOT IN ({Closed}) AND t."DueAt" < @now THEN 1 END)
            FROM "Tasks" t WHERE {UnitCondition(command, units)}
            """;
        BenchSql.Add(command, "@now", values.Time(now));
        BenchSql.Add(command, "@soon", values.Time(dueSoonLimit));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (int)reader.GetInt64(0);
    }

    public async Task<int> PageAsync(IReadOnlyList<Guid> units, int pageSize)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT t."Id", t."DirectiveId", d."Number", d."Title", t."Title", t."UnitId", u."Code", u."Name", t."AssignerUnitId", t."Status",
                t."DueAt", t."OriginalDueAt", t."CompletedAt", t."ReportedAt", t."ProgressPercent"
            FROM "Tasks" t JOIN "Units" u ON u."Id" = t."UnitId" LEFT JOIN "Directives" d ON d."Id" = t."DirectiveId"
            WHERE {UnitCondition(command, units)}
            ORDER BY t."DueAt", t."Id"
            LIMIT {pageSize}
            """;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }

            rows++;
        }

        return rows;
    }

    public async Task<int> TotalAsync(IReadOnlyList<Guid> units)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"Tasks\" t WHERE {UnitCondition(command, units)}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>t.UnitId among <paramref name="units"/>: one key as a plain parameter, many as one array (PostgreSQL) or JSON list (SQLite).</summary>
    private string UnitCondition(DbCommand command, IReadOnlyList<Guid> units)
    {
        if (units.Count == 1)
        {
            BenchSql.Add(command, "@unit", values.Id(units[0]));
            return "t.\"UnitId\" = @unit";
        }

        if (values.IsPostgres)
        {
            BenchSql.Add(command, "@units", units.ToArray());
            return "t.\"UnitId\" = ANY(@units)";
        }

        BenchSql.Add(command, "@units", JsonSerializer.Serialize(units.Select(values.Id)));
        return "t.\"UnitId\" IN (SELECT value FROM json_each(@units))";
    }
}
