using System.Data.Common;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence.Sql;

namespace DirectiveFlow.Benchmarks.Sweep;

/// <summary>Writes N due tasks with one set-based INSERT … SELECT over a generated series (fast, not what is measured).</summary>
internal static class SweepSeed
{
    public static async Task InsertDueTasksAsync(
        DbConnection connection, ProviderValues values, int count, Guid directive, Guid instance, IReadOnlyList<Guid> units, Guid issuer, DateTimeOffset due)
    {
        // Task i goes to unit i mod U, through a keyed temporary table of the units.
        await ExecuteAsync(connection, "DROP TABLE IF EXISTS bench_units");
        await ExecuteAsync(connection, values.IsSqlite
                ? "CREATE TEMP TABLE bench_units AS SELECT key AS k, value AS id FROM json_each(@units)"
                : "CREATE TEMP TABLE bench_units AS SELECT k - 1 AS k, id FROM unnest(@units) WITH ORDINALITY AS x(id, k)",
            ("@units", values.IsSqlite ? System.Text.Json.JsonSerializer.Serialize(units.Select(u => u.ToString().ToUpperInvariant())) : units.ToArray()));
        await ExecuteAsync(connection, "CREATE UNIQUE INDEX bench_units_k ON bench_units (k)");
        var unitOf = "(SELECT id FROM bench_units WHERE k = s.i % @unit_count)";
        var id = values.IsSqlite
            ? "upper(substr(h,1,8)||'-'||substr(h,9,4)||'-'||substr(h,13,4)||'-'||substr(h,17,4)||'-'||substr(h,21,12))"
            : "gen_random_uuid()";
        var series = values.IsSqlite
            ? $"(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) SELECT i, hex(randomblob(16)) AS h FROM n) s"
            : $"generate_series(1, {count}) AS s(i)";
        var sql = $"""
            INSERT INTO "Tasks" ("Id", "DirectiveId", "InstanceId", "ActivityId", "UnitId", "AssignerUnitId", "Title", "Instructions", "Status",
                "CreatedAt", "DueAt", "OriginalDueAt", "ProgressPercent", "ProgressCadence", "RequiresReview", "AllowCompleteBeforeSubCascade",
                "NextActionAt", "ChaseCount", "EscalationLevel", "IsRaised", "ConcurrencyStamp")
            SELECT {id}, @directive, @instance, 'act-' || s.i, {unitOf}, @issuer, 'Nhiệm vụ số ' || s.i, '', 'Assigned',
                @created, @due, @due, 0, 'None', @no, @no, @due, 0, 0, @no, 0
            FROM {series}
            """;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        Add(command, "@directive", values.Id(directive));
        Add(command, "@instance", values.Id(instance));
        Add(command, "@unit_count", units.Count);
        Add(command, "@issuer", values.Id(issuer));
        Add(command, "@created", values.Time(due.AddDays(-10)));
        Add(command, "@due", values.Time(due));
        Add(command, "@no", false);
        await command.ExecuteNonQueryAsync();
        await ExecuteAsync(connection, "DROP TABLE bench_units");
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
