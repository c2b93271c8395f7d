using System.Data.Common;
using System.Text;
using System.Text.Json;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>One effect of a class's decision, ready to write for every task of the class.</summary>
/// <param name="Effect">The effect as planned for the class's representative task.</param>
/// <param name="Sample">The representative's outbox message: template, subject, bodies and times shared by all.</param>
/// <param name="Action">The journal action.</param>
/// <param name="Units">Per unit of the class: recipients and the model shared by its tasks (with the id and title sentinels).</param>
public sealed record SweepClassEffect(
    DueEffect Effect, OutboxMessage Sample, string Action, IReadOnlyList<SweepClassUnit> Units);

/// <summary>What differs between the units of a class for one effect.</summary>
public sealed record SweepClassUnit(Guid UnitId, string To, string ModelJson);

/// <summary>
/// Writes a <see cref="SweepClass"/>'s decision for all its tasks at once, inside the caller's transaction: per effect
/// and unit one shared <see cref="OutboxModel"/>, per effect and task one small outbox row naming it (skipped when its
/// dedupe key exists), inserted in key order, then the tasks' schedule fields. Every statement selects the tasks by
/// <see cref="SweepClass.Condition"/>, so a task changed meanwhile gets nothing. SQLite runs the statements one by one
/// under its single writer (the transaction holds the write lock); PostgreSQL runs them as one statement of
/// data-modifying CTEs, on one snapshot. Answers, per effect, how many rows were written.
/// </summary>
public sealed class SweepClassWriter(DbConnection connection, DbTransaction transaction, ProviderValues values)
{
    private const string OutboxColumns =
        "\"DedupeKey\", \"To\", \"Subject\", \"HtmlBody\", \"TextBody\", \"Template\", \"ModelId\", \"TaskId\", \"DirectiveId\", \"Status\", \"Attempts\", \"CreatedAt\", \"NextAttemptAt\"";

    /// <summary>The ids of the units the class's tasks belong to.</summary>
    public async Task<List<Guid>> UnitsAsync(SweepClass sweepClass, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = NewCommand(now);
        command.CommandText = $"SELECT DISTINCT \"UnitId\" FROM \"Tasks\" WHERE {sweepClass.Condition(command, values)}";
        var units = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            units.Add(values.ReadId(reader, 0));
        }

        return units;
    }

    public Task<int[]> WriteAsync(
        SweepClass sweepClass, SweepDecision decision, IReadOnlyList<SweepClassEffect> effects, DateTimeOffset now, CancellationToken cancellationToken) =>
        values.IsPostgres
            ? WritePostgresAsync(sweepClass, decision, effects, now, cancellationToken)
            : WriteSqliteAsync(sweepClass, decision, effects, now, cancellationToken);

    /// <summary>The number of tasks the last <see cref="WriteAsync"/> updated.</summary>
    public int TasksUpdated { get; private set; }

    private async Task<int[]> WriteSqliteAsync(
        SweepClass sweepClass, SweepDecision decision, IReadOnlyList<SweepClassEffect> effects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await FillUnitsAsync(effects, now, cancellationToken);
        var written = new int[effects.Count];
        for (var e = 0; e < effects.Count; e++)
        {
            await using var outbox = NewCommand(now);
            var condition = sweepClass.Condition(outbox, values);
            BindEffect(outbox, effects[e], e);
            // In key order (the unary + keeps SQLite from walking the primary key's index instead of the due range),
            // so the tasks' new keys go into their index in order.
            outbox.CommandText = $"""
                INSERT INTO "Outbox" ({OutboxColumns})
                SELECT @key,
                    u."to", @subject, @html, @text, @template, u.model, "Tasks"."Id", "Tasks"."DirectiveId", @status, 0, @created, @created
                FROM "Tasks" JOIN sweep_units u ON u.e = @e AND u.id = "Tasks"."UnitId"
                WHERE {condition}
                ORDER BY +"Tasks"."Id"
                ON CONFLICT DO NOTHING
                """;
            written[e] = await outbox.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var update = NewCommand(now);
        var updateCondition = sweepClass.Condition(update, values);
        BindDecision(update, decision);
        update.CommandText = "UPDATE \"Tasks\" SET \"NextActionAt\" = @next, \"ChaseCount\" = @chase, \"EscalationLevel\" = @level, " +
            $"\"IsRaised\" = @raised WHERE {updateCondition}";
        TasksUpdated = await update.ExecuteNonQueryAsync(cancellationToken);
        return written;
    }

    private async Task<int[]> WritePostgresAsync(
        SweepClass sweepClass, SweepDecision decision, IReadOnlyList<SweepClassEffect> effects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await FillUnitsAsync(effects, now, cancellationToken);
        await using var command = NewCommand(now);
        var condition = sweepClass.Condition(command, values);
        BindDecision(command, decision);
        // One statement, one snapshot: outbox rows for exactly the tasks updated. Under read committed a task can join
        // the class after its units were read: only tasks of a unit that has its model are updated, the others stay
        // due for the next pass. (Keys are only written by the sweep, which Quartz never runs twice at once; should
        // another writer insert the same key meanwhile, its row stands and ours is skipped — still one email.)
        var sql = new StringBuilder($"""
            WITH upd AS (UPDATE "Tasks" SET "NextActionAt" = @next, "ChaseCount" = @chase, "EscalationLevel" = @level, "IsRaised" = @raised
                WHERE {condition}{(effects.Count == 0 ? "" : " AND EXISTS (SELECT 1 FROM sweep_units u WHERE u.e = 0 AND u.id = \"Tasks\".\"UnitId\")")}
                RETURNING "Tasks"."Id", "Tasks"."UnitId", "Tasks"."DirectiveId")
            """);
        var counts = new List<string>();
        for (var e = 0; e < effects.Count; e++)
        {
            var effect = effects[e];
            var p = $"@e{e}_";
            SweepClass.Add(command, p + "key", effect.Effect.DedupeKey);
            SweepClass.Add(command, p + "subject", effect.Sample.Subject);
            SweepClass.Add(command, p + "html", effect.Sample.HtmlBody);
            SweepClass.Add(command, p + "text", effect.Sample.TextBody);
            SweepClass.Add(command, p + "template", ProviderValues.Text(effect.Sample.Template));
            SweepClass.Add(command, p + "created", values.Time(effect.Sample.CreatedAt));
            sql.Append($"""
                ,
                o{e} AS (INSERT INTO "Outbox" ({OutboxColumns})
                    SELECT {p}key, u."to", {p}subject, {p}html, {p}text, {p}template, u.model,
                        upd."Id", upd."DirectiveId", @status, 0, {p}created, {p}created
                    FROM upd JOIN sweep_units u ON u.e = {e} AND u.id = upd."UnitId"
                    ORDER BY upd."Id"
                    ON CONFLICT DO NOTHING
                    RETURNING 1)
                """);
            counts.Add($"(SELECT count(*) FROM o{e})");
        }

        if (effects.Count > 0)
        {
            SweepClass.Add(command, "@status", OutboxStatus.Pending.ToString());
        }

        sql.Append($"\nSELECT (SELECT count(*) FROM upd){string.Concat(counts.Select(c => ", " + c))}");
        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        TasksUpdated = (int)reader.GetInt64(0);
        return Enumerable.Range(1, effects.Count).Select(i => (int)reader.GetInt64(i)).ToArray();
    }

    /// <summary>
    /// The shared models, written once per effect and unit, and a keyed temporary table of the connection (emptied
    /// first) that gives each unit its recipients and model id, so each task finds its unit's row by key whatever the
    /// number of units.
    /// </summary>
    private async Task FillUnitsAsync(IReadOnlyList<SweepClassEffect> effects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ExecuteAsync(values.IsSqlite
            ? "CREATE TEMP TABLE IF NOT EXISTS sweep_units (e INTEGER NOT NULL, id TEXT NOT NULL, \"to\" TEXT NOT NULL, model INTEGER NOT NULL, " +
              "PRIMARY KEY (e, id)) WITHOUT ROWID"
            : "CREATE TEMP TABLE IF NOT EXISTS sweep_units (e int NOT NULL, id uuid NOT NULL, \"to\" text NOT NULL, model bigint NOT NULL, " +
              "PRIMARY KEY (e, id))", now, cancellationToken);
        await ExecuteAsync("DELETE FROM sweep_units", now, cancellationToken);
        var units = effects.SelectMany((effect, e) => effect.Units.Select(u => (E: e, Unit: u))).ToList();
        if (units.Count == 0)
        {
            return;
        }

        // Model ids follow the largest: SQLite's writer holds the database's one write lock; on PostgreSQL the lock
        // below keeps two writers of shared models (the sweep runs on one node at a time anyway) from taking the same.
        if (values.IsPostgres)
        {
            await ExecuteAsync("LOCK TABLE \"OutboxModels\" IN SHARE ROW EXCLUSIVE MODE", now, cancellationToken);
        }

        long first;
        await using (var max = NewCommand(now))
        {
            max.CommandText = "SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"OutboxModels\"";
            first = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        // The i-th unit's model gets id first + i. Models and units go separately: the lookup table stays small.
        await WriteModelsAsync(units.Select(u => u.Unit.ModelJson).ToArray(), first, now, cancellationToken);
        await using var fill = NewCommand(now);
        fill.CommandText = values.IsSqlite
            ? "INSERT INTO sweep_units SELECT json_extract(value, '$.e'), json_extract(value, '$.id'), json_extract(value, '$.to'), @first + key FROM json_each(@units)"
            : "INSERT INTO sweep_units SELECT x.e, x.id, x.\"to\", @first + x.k FROM jsonb_to_recordset(@units::jsonb) AS x(e int, id uuid, \"to\" text, k bigint)";
        SweepClass.Add(fill, "@first", first);
        SweepClass.Add(fill, "@units", JsonSerializer.Serialize(units.Select((u, k) => new
        {
            e = u.E,
            id = values.IsSqlite ? u.Unit.UnitId.ToString().ToUpperInvariant() : u.Unit.UnitId.ToString(),
            to = u.Unit.To,
            k,
        })));
        await fill.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The shared models, ids from <paramref name="first"/>: on PostgreSQL one array parameter (binary, one round
    /// trip); on SQLite one prepared insert each, which in process is cheaper than unpacking them from one JSON text.
    /// </summary>
    private async Task WriteModelsAsync(string[] models, long first, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var insert = NewCommand(now);
        SweepClass.Add(insert, "@first", first);
        if (values.IsPostgres)
        {
            insert.CommandText = "INSERT INTO \"OutboxModels\" (\"Id\", \"Json\", \"CreatedAt\") SELECT @first + k - 1, json, @now FROM unnest(@models) WITH ORDINALITY AS m(json, k)";
            SweepClass.Add(insert, "@models", models);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        insert.CommandText = "INSERT INTO \"OutboxModels\" (\"Id\", \"Json\", \"CreatedAt\") VALUES (@first, @json, @now)";
        SweepClass.Add(insert, "@json", "");
        for (var i = 0; i < models.Length; i++)
        {
            insert.Parameters["@first"].Value = first + i;
            insert.Parameters["@json"].Value = models[i];
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private void BindEffect(DbCommand command, SweepClassEffect effect, int e)
    {
        SweepClass.Add(command, "@e", e);
        SweepClass.Add(command, "@key", effect.Effect.DedupeKey);
        SweepClass.Add(command, "@subject", effect.Sample.Subject);
        SweepClass.Add(command, "@html", effect.Sample.HtmlBody);
        SweepClass.Add(command, "@text", effect.Sample.TextBody);
        SweepClass.Add(command, "@template", ProviderValues.Text(effect.Sample.Template));
        SweepClass.Add(command, "@created", values.Time(effect.Sample.CreatedAt));
        SweepClass.Add(command, "@status", OutboxStatus.Pending.ToString());
    }

    private void BindDecision(DbCommand command, SweepDecision decision)
    {
        SweepClass.Add(command, "@next", values.NullableTime(decision.NextActionAt));
        SweepClass.Add(command, "@chase", decision.ChaseCount);
        SweepClass.Add(command, "@level", decision.EscalationLevel);
        SweepClass.Add(command, "@raised", decision.IsRaised);
    }

    private DbCommand NewCommand(DateTimeOffset now)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 600;
        SweepClass.Add(command, "@now", values.Time(now));
        return command;
    }

    private async Task ExecuteAsync(string sql, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = NewCommand(now);
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
