using System.Data.Common;
using System.Text;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>One effect of a class's decision, ready to write for every task of the class.</summary>
/// <param name="Effect">The effect as planned for the class's representative task.</param>
/// <param name="Sample">The representative's outbox message: template, times and the shared model (with sentinels).</param>
public sealed record SweepClassEffect(DueEffect Effect, OutboxMessage Sample);

/// <summary>
/// Writes a <see cref="SweepClass"/>'s decision for all its tasks at once, inside the caller's transaction: per effect
/// one shared <see cref="OutboxModel"/>, and per effect and task one small outbox row naming it (skipped when its
/// dedupe key exists), inserted in key order, then the tasks' schedule fields. The rows' recipients, units and titles
/// are put in at dispatch (<see cref="SharedModelRows"/>), so the write does not depend on how many units the class
/// spans. Every statement selects the tasks by <see cref="SweepClass.Condition"/>, so a task changed meanwhile gets
/// nothing. SQLite runs the statements one by one under its single writer (the transaction holds the write lock);
/// PostgreSQL runs them as one statement of data-modifying CTEs, on one snapshot. Answers, per effect, how many rows
/// were written.
/// </summary>
public sealed class SweepClassWriter(DbConnection connection, DbTransaction transaction, ProviderValues values)
{
    private const string OutboxColumns =
        "\"DedupeKey\", \"To\", \"Subject\", \"HtmlBody\", \"TextBody\", \"Template\", \"ModelId\", \"TaskId\", \"DirectiveId\", \"Status\", \"Attempts\", \"CreatedAt\", \"NextAttemptAt\"";

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
        var models = await ModelIdsAsync(effects, now, cancellationToken);
        var written = new int[effects.Count];
        for (var e = 0; e < effects.Count; e++)
        {
            await using var outbox = NewCommand(now);
            var condition = sweepClass.Condition(outbox, values);
            BindEffect(outbox, effects[e], models[e]);
            // In key order (the unary + keeps SQLite from walking the primary key's index instead of the due range),
            // so the tasks' new keys go into their index in order.
            outbox.CommandText = $"""
                INSERT INTO "Outbox" ({OutboxColumns})
                SELECT @key, '', @subject, @html, @text, @template, @model, "Tasks"."Id", "Tasks"."DirectiveId", @status, 0, @created, @created
                FROM "Tasks"
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
        var models = await ModelIdsAsync(effects, now, cancellationToken);
        await using var command = NewCommand(now);
        var condition = sweepClass.Condition(command, values);
        BindDecision(command, decision);
        // One statement, one snapshot: outbox rows for exactly the tasks updated. (Keys are only written by the sweep,
        // which Quartz never runs twice at once; should another writer insert the same key meanwhile, its row stands
        // and ours is skipped — still one email.)
        var sql = new StringBuilder($"""
            WITH upd AS (UPDATE "Tasks" SET "NextActionAt" = @next, "ChaseCount" = @chase, "EscalationLevel" = @level, "IsRaised" = @raised
                WHERE {condition}
                RETURNING "Tasks"."Id", "Tasks"."DirectiveId")
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
            SweepClass.Add(command, p + "model", models[e]);
            sql.Append($"""
                ,
                o{e} AS (INSERT INTO "Outbox" ({OutboxColumns})
                    SELECT {p}key, '', {p}subject, {p}html, {p}text, {p}template, {p}model,
                        upd."Id", upd."DirectiveId", @status, 0, {p}created, {p}created
                    FROM upd
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

    /// <summary>Each effect's shared model (a few per class), answering their ids.</summary>
    private async Task<long[]> ModelIdsAsync(IReadOnlyList<SweepClassEffect> effects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var writer = new SharedModelWriter(connection, transaction, values);
        var ids = new long[effects.Count];
        for (var e = 0; e < effects.Count; e++)
        {
            ids[e] = await writer.IdAsync(effects[e].Sample.ModelJson ?? "null", effects[e].Effect.RecipientRole, now, cancellationToken);
        }

        return ids;
    }

    private void BindEffect(DbCommand command, SweepClassEffect effect, long model)
    {
        SweepClass.Add(command, "@model", model);
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
}
