using System.Data.Common;
using System.Text;
using System.Text.Json;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>One effect of a class's decision, ready to write for every task of the class.</summary>
/// <param name="Effect">The effect as planned for the class's representative task.</param>
/// <param name="KeyPrefix">The dedupe key before the task's id (N format).</param>
/// <param name="KeySuffix">The dedupe key after the task's id.</param>
/// <param name="Sample">The representative's outbox message: template, subject, bodies and times shared by all.</param>
/// <param name="Action">The journal action.</param>
/// <param name="Units">Per unit of the class: recipients, model (with the id and title sentinels) and journal text.</param>
public sealed record SweepClassEffect(
    DueEffect Effect, string KeyPrefix, string KeySuffix, OutboxMessage Sample, string Action, IReadOnlyList<SweepClassUnit> Units);

/// <summary>What differs between the units of a class for one effect.</summary>
public sealed record SweepClassUnit(Guid UnitId, string To, string ModelJson, string Detail);

/// <summary>
/// Writes a <see cref="SweepClass"/>'s decision for all its tasks at once, inside the caller's transaction: for each
/// effect an outbox row per task (skipped when its dedupe key exists) and a journal entry for each row written, then
/// the tasks' schedule fields. Every statement selects the tasks by <see cref="SweepClass.Condition"/>, so a task
/// changed meanwhile gets nothing. SQLite runs the statements one by one under its single writer (the transaction
/// holds the write lock); PostgreSQL runs them as one statement of data-modifying CTEs, on one snapshot.
/// </summary>
public sealed class SweepClassWriter(DbConnection connection, DbTransaction transaction, ProviderValues values)
{
    private static readonly string SentinelD = SweepClass.IdSentinel.ToString();
    private static readonly string SentinelN = SweepClass.IdSentinel.ToString("N");
    private static readonly string TitleToken = $"\"{SweepClass.TitleSentinel}\"";

    private const string OutboxColumns =
        "\"Id\", \"DedupeKey\", \"To\", \"Subject\", \"HtmlBody\", \"TextBody\", \"Template\", \"ModelJson\", \"TaskId\", \"DirectiveId\", \"Status\", \"Attempts\", \"CreatedAt\", \"NextAttemptAt\"";

    private const string JournalColumns =
        "\"DirectiveId\", \"InstanceId\", \"TaskId\", \"ActivityId\", \"At\", \"Actor\", \"Action\", \"Detail\"";

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

    /// <summary>
    /// Splits <paramref name="key"/> around the id sentinel; false when it does not hold the sentinel exactly once
    /// (such an effect cannot be written set-based).
    /// </summary>
    public static bool TrySplitKey(string key, out string prefix, out string suffix)
    {
        var at = key.IndexOf(SentinelN, StringComparison.Ordinal);
        prefix = at < 0 ? "" : key[..at];
        suffix = at < 0 ? "" : key[(at + SentinelN.Length)..];
        return at >= 0 && !suffix.Contains(SentinelN, StringComparison.Ordinal);
    }

    public Task<SweepResult> WriteAsync(
        SweepClass sweepClass, SweepDecision decision, IReadOnlyList<SweepClassEffect> effects, DateTimeOffset now, CancellationToken cancellationToken) =>
        values.IsPostgres
            ? WritePostgresAsync(sweepClass, decision, effects, now, cancellationToken)
            : WriteSqliteAsync(sweepClass, decision, effects, now, cancellationToken);

    private async Task<SweepResult> WriteSqliteAsync(
        SweepClass sweepClass, SweepDecision decision, IReadOnlyList<SweepClassEffect> effects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await FillUnitsAsync(effects, now, cancellationToken);
        var written = 0;
        var id = "\"Tasks\".\"Id\"";
        var idD = LowerHex(id);
        var idN = LowerHex($"replace({id}, '-', '')");
        for (var e = 0; e < effects.Count; e++)
        {
            var effect = effects[e];
            // The journal first: under SQLite's single writer, the keys absent now are exactly the rows the insert below writes.
            await using (var journal = NewCommand(now))
            {
                var condition = sweepClass.Condition(journal, values);
                BindEffect(journal, effect, e);
                journal.CommandText = $"""
                    INSERT INTO "Journal" ({JournalColumns})
                    SELECT "Tasks"."DirectiveId", "Tasks"."InstanceId", {id}, "Tasks"."ActivityId", @now, 'system', @action, u.detail
                    FROM "Tasks" JOIN sweep_units u ON u.e = @e AND u.id = "Tasks"."UnitId"
                    WHERE {condition} AND NOT EXISTS (SELECT 1 FROM "Outbox" WHERE "DedupeKey" = @key_prefix || {idN} || @key_suffix)
                    """;
                written += await journal.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var outbox = NewCommand(now);
            var outboxCondition = sweepClass.Condition(outbox, values);
            BindEffect(outbox, effect, e);
            outbox.CommandText = $"""
                INSERT INTO "Outbox" ({OutboxColumns})
                SELECT @id_prefix || printf('%012X', "Tasks".rowid), @key_prefix || {idN} || @key_suffix, u."to", @subject, @html, @text, @template,
                    replace(replace(replace(u.model, @sentinel_d, {idD}), @sentinel_n, {idN}), @title_token, json_quote("Tasks"."Title")),
                    {id}, "Tasks"."DirectiveId", @status, 0, @created, @created
                FROM "Tasks" JOIN sweep_units u ON u.e = @e AND u.id = "Tasks"."UnitId"
                WHERE {outboxCondition}
                ON CONFLICT ("DedupeKey") DO NOTHING
                """;
            await outbox.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var update = NewCommand(now);
        var updateCondition = sweepClass.Condition(update, values);
        BindDecision(update, decision);
        update.CommandText = "UPDATE \"Tasks\" SET \"NextActionAt\" = @next, \"ChaseCount\" = @chase, \"EscalationLevel\" = @level, " +
            $"\"IsRaised\" = @raised WHERE {updateCondition}";
        var tasks = await update.ExecuteNonQueryAsync(cancellationToken);
        return new SweepResult(tasks, written, tasks * effects.Count - written, sweepClass.Count - tasks);
    }

    private async Task<SweepResult> WritePostgresAsync(
        SweepClass sweepClass, SweepDecision decision, IReadOnlyList<SweepClassEffect> effects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await FillUnitsAsync(effects, now, cancellationToken);
        await using var command = NewCommand(now);
        var condition = sweepClass.Condition(command, values);
        BindDecision(command, decision);
        // One statement, one snapshot: outbox rows and journal entries for exactly the tasks updated whose key is new.
        // Under read committed a task can join the class after its units were read: only tasks of a unit that has its
        // texts are updated, the others stay due for the next pass.
        // (Keys are only written by the sweep, which Quartz never runs twice at once; should another writer insert the
        // same key meanwhile, its row stands and ours is skipped — still one email.)
        var sql = new StringBuilder($"""
            WITH upd AS (UPDATE "Tasks" SET "NextActionAt" = @next, "ChaseCount" = @chase, "EscalationLevel" = @level, "IsRaised" = @raised
                WHERE {condition}{(effects.Count == 0 ? "" : " AND EXISTS (SELECT 1 FROM sweep_units u WHERE u.e = 0 AND u.id = \"Tasks\".\"UnitId\")")}
                RETURNING "Tasks"."Id", "Tasks"."UnitId", "Tasks"."Title", "Tasks"."DirectiveId", "Tasks"."InstanceId", "Tasks"."ActivityId")
            """);
        var counts = new List<string>();
        for (var e = 0; e < effects.Count; e++)
        {
            var effect = effects[e];
            var p = $"@e{e}_";
            SweepClass.Add(command, p + "id_prefix", IdPrefix(effect));
            SweepClass.Add(command, p + "key_prefix", effect.KeyPrefix);
            SweepClass.Add(command, p + "key_suffix", effect.KeySuffix);
            SweepClass.Add(command, p + "subject", effect.Sample.Subject);
            SweepClass.Add(command, p + "html", effect.Sample.HtmlBody);
            SweepClass.Add(command, p + "text", effect.Sample.TextBody);
            SweepClass.Add(command, p + "template", ProviderValues.Text(effect.Sample.Template));
            SweepClass.Add(command, p + "created", values.Time(effect.Sample.CreatedAt));
            SweepClass.Add(command, p + "action", effect.Action);
            sql.Append($"""
                ,
                f{e} AS (SELECT upd."Id", upd."Title", upd."DirectiveId", upd."InstanceId", upd."ActivityId", u."to", u.model, u.detail,
                        {p}key_prefix || replace(upd."Id"::text, '-', '') || {p}key_suffix AS key
                    FROM upd JOIN sweep_units u ON u.e = {e} AND u.id = upd."UnitId"
                    WHERE NOT EXISTS (SELECT 1 FROM "Outbox" WHERE "DedupeKey" = {p}key_prefix || replace(upd."Id"::text, '-', '') || {p}key_suffix)),
                o{e} AS (INSERT INTO "Outbox" ({OutboxColumns})
                    SELECT ({p}id_prefix || lpad(to_hex(row_number() OVER ()), 12, '0'))::uuid, f{e}.key, f{e}."to", {p}subject, {p}html, {p}text, {p}template,
                        replace(replace(replace(f{e}.model, @sentinel_d, f{e}."Id"::text), @sentinel_n, replace(f{e}."Id"::text, '-', '')), @title_token, to_json(f{e}."Title")::text),
                        f{e}."Id", f{e}."DirectiveId", @status, 0, {p}created, {p}created
                    FROM f{e}
                    ON CONFLICT ("DedupeKey") DO NOTHING),
                j{e} AS (INSERT INTO "Journal" ({JournalColumns})
                    SELECT f{e}."DirectiveId", f{e}."InstanceId", f{e}."Id", f{e}."ActivityId", @now, 'system', {p}action, f{e}.detail
                    FROM f{e}
                    RETURNING 1)
                """);
            counts.Add($"(SELECT count(*) FROM j{e})");
        }

        if (effects.Count > 0)
        {
            SweepClass.Add(command, "@sentinel_d", SentinelD);
            SweepClass.Add(command, "@sentinel_n", SentinelN);
            SweepClass.Add(command, "@title_token", TitleToken);
            SweepClass.Add(command, "@status", OutboxStatus.Pending.ToString());
        }

        sql.Append($"\nSELECT (SELECT count(*) FROM upd), {(counts.Count == 0 ? "0" : string.Join(" + ", counts))}");
        command.CommandText = sql.ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var tasks = (int)reader.GetInt64(0);
        var written = (int)Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        return new SweepResult(tasks, written, tasks * effects.Count - written, sweepClass.Count - tasks);
    }

    /// <summary>
    /// SQLite keeps Guids as upper-case text; keys and links use lower case. lower() is the application's Unicode
    /// version (a call into .NET per row, see SqliteConnectionSetup); six built-in replace()s do it in SQLite itself.
    /// </summary>
    private static string LowerHex(string expression) =>
        "ABCDEF".Aggregate(expression, (sql, letter) => $"replace({sql}, '{letter}', '{char.ToLowerInvariant(letter)}')");

    /// <summary>
    /// The per-unit texts, in a keyed temporary table of the connection (emptied first), so each task finds its unit's
    /// row by key whatever the number of units.
    /// </summary>
    private async Task FillUnitsAsync(IReadOnlyList<SweepClassEffect> effects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ExecuteAsync(values.IsSqlite
            ? "CREATE TEMP TABLE IF NOT EXISTS sweep_units (e INTEGER NOT NULL, id TEXT NOT NULL, \"to\" TEXT NOT NULL, model TEXT NOT NULL, " +
              "detail TEXT NOT NULL, PRIMARY KEY (e, id)) WITHOUT ROWID"
            : "CREATE TEMP TABLE IF NOT EXISTS sweep_units (e int NOT NULL, id uuid NOT NULL, \"to\" text NOT NULL, model text NOT NULL, " +
              "detail text NOT NULL, PRIMARY KEY (e, id))", now, cancellationToken);
        await ExecuteAsync("DELETE FROM sweep_units", now, cancellationToken);
        await using var fill = NewCommand(now);
        fill.CommandText = values.IsSqlite
            ? "INSERT INTO sweep_units SELECT json_extract(value, '$.e'), json_extract(value, '$.id'), json_extract(value, '$.to'), " +
              "json_extract(value, '$.model'), json_extract(value, '$.detail') FROM json_each(@units)"
            : "INSERT INTO sweep_units SELECT * FROM jsonb_to_recordset(@units::jsonb) AS x(e int, id uuid, \"to\" text, model text, detail text)";
        SweepClass.Add(fill, "@units", UnitsJson(effects));
        await fill.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The first 20 hex digits of a fresh time-ordered id; each row appends 12 of its own, so one effect's rows have
    /// unique ids in ascending order (cheap to index, unlike random ones).
    /// </summary>
    private string IdPrefix(SweepClassEffect effect)
    {
        var text = Guid.CreateVersion7(effect.Sample.CreatedAt).ToString()[..24];
        return values.IsSqlite ? text.ToUpperInvariant() : text;
    }

    private string UnitsJson(IReadOnlyList<SweepClassEffect> effects) => JsonSerializer.Serialize(
        effects.SelectMany((effect, e) => effect.Units.Select(u => new { e, id = values.IsSqlite ? u.UnitId.ToString().ToUpperInvariant() : u.UnitId.ToString(), to = u.To, model = u.ModelJson, detail = u.Detail })));

    private void BindEffect(DbCommand command, SweepClassEffect effect, int e)
    {
        SweepClass.Add(command, "@e", e);
        SweepClass.Add(command, "@id_prefix", IdPrefix(effect));
        SweepClass.Add(command, "@key_prefix", effect.KeyPrefix);
        SweepClass.Add(command, "@key_suffix", effect.KeySuffix);
        SweepClass.Add(command, "@action", effect.Action);
        SweepClass.Add(command, "@subject", effect.Sample.Subject);
        SweepClass.Add(command, "@html", effect.Sample.HtmlBody);
        SweepClass.Add(command, "@text", effect.Sample.TextBody);
        SweepClass.Add(command, "@template", ProviderValues.Text(effect.Sample.Template));
        SweepClass.Add(command, "@created", values.Time(effect.Sample.CreatedAt));
        SweepClass.Add(command, "@status", OutboxStatus.Pending.ToString());
        SweepClass.Add(command, "@sentinel_d", SentinelD);
        SweepClass.Add(command, "@sentinel_n", SentinelN);
        SweepClass.Add(command, "@title_token", TitleToken);
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
