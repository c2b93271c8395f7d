using System.Data.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Persistence.Sql.PostgreSql;
using DirectiveFlow.Infrastructure.Persistence.Sql.Sqlite;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>One effect of a group's decision, ready to write for every task of the group.</summary>
/// <param name="Effect">The effect as planned for the group's representative task.</param>
/// <param name="RepresentativeMessage">The representative's outbox message: template, times and the shared model (with placeholders).</param>
public sealed record GroupEffect(DueEffect Effect, OutboxMessage RepresentativeMessage);

/// <summary>
/// Writes a <see cref="UniformDueGroup"/>'s decision for all its tasks at once, inside the caller's transaction: per
/// effect one shared <see cref="OutboxModel"/>, and per effect and task one small outbox row naming it (skipped when its
/// dedupe key exists), inserted in key order, then the tasks' schedule fields. The rows' recipients, units and titles
/// are put in at dispatch (<see cref="SharedModelRows"/>), so the write does not depend on how many units the group
/// spans. Every statement selects the tasks by <see cref="UniformDueGroup.BindCondition"/>, so a task changed meanwhile
/// gets nothing. SQLite runs the statements one by one under its single writer (the transaction holds the write lock);
/// PostgreSQL runs them as one statement of data-modifying CTEs, on one snapshot. Answers, per effect, how many rows
/// were written.
/// </summary>
public sealed class UniformDueGroupWriter(DbConnection connection, DbTransaction transaction, ProviderValues values, ProviderSql sql)
{
    public Task<int[]> WriteAsync(
        UniformDueGroup group, SweepDecision decision, IReadOnlyList<GroupEffect> effects, DateTimeOffset now, CancellationToken cancellationToken) =>
        sql switch
        {
            PostgreSqlSql postgres => WritePostgresAsync(postgres, group, decision, effects, now, cancellationToken),
            SqliteSql sqlite => WriteSqliteAsync(sqlite, group, decision, effects, now, cancellationToken),
            _ => throw new NotSupportedException("SQL Server sweeps row by row."),
        };

    /// <summary>The number of tasks the last <see cref="WriteAsync"/> updated.</summary>
    public int TasksUpdated { get; private set; }

    private async Task<int[]> WriteSqliteAsync(
        SqliteSql sqlite, UniformDueGroup group, SweepDecision decision, IReadOnlyList<GroupEffect> effects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var models = await ModelIdsAsync(effects, now, cancellationToken);
        var written = new int[effects.Count];
        for (var e = 0; e < effects.Count; e++)
        {
            await using var outbox = NewCommand(now);
            var condition = group.BindCondition(outbox, sqlite.DueGroups, values);
            BindEffect(outbox, "@", effects[e], models[e]);
            UniformDueGroup.Add(outbox, "@status", OutboxStatus.Pending.ToString());
            outbox.CommandText = sqlite.InsertGroupOutbox(condition);
            written[e] = await outbox.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var update = NewCommand(now);
        var updateCondition = group.BindCondition(update, sqlite.DueGroups, values);
        BindDecision(update, decision);
        update.CommandText = sqlite.UpdateGroup(updateCondition);
        TasksUpdated = await update.ExecuteNonQueryAsync(cancellationToken);
        return written;
    }

    private async Task<int[]> WritePostgresAsync(
        PostgreSqlSql postgres, UniformDueGroup group, SweepDecision decision, IReadOnlyList<GroupEffect> effects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var models = await ModelIdsAsync(effects, now, cancellationToken);
        await using var command = NewCommand(now);
        var condition = group.BindCondition(command, postgres.DueGroups, values);
        BindDecision(command, decision);
        // One statement, one snapshot: outbox rows for exactly the tasks updated. (Keys are only written by the sweep,
        // which Quartz never runs twice at once; should another writer insert the same key meanwhile, its row stands
        // and ours is skipped — still one email.)
        for (var e = 0; e < effects.Count; e++)
        {
            BindEffect(command, $"@e{e}_", effects[e], models[e]);
        }

        if (effects.Count > 0)
        {
            UniformDueGroup.Add(command, "@status", OutboxStatus.Pending.ToString());
        }

        command.CommandText = postgres.UpdateGroupWithOutbox(condition, effects.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        TasksUpdated = (int)reader.GetInt64(0);
        return Enumerable.Range(1, effects.Count).Select(i => (int)reader.GetInt64(i)).ToArray();
    }

    /// <summary>Each effect's shared model (a few per group), answering their ids.</summary>
    private async Task<long[]> ModelIdsAsync(IReadOnlyList<GroupEffect> effects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var writer = new SharedModelWriter(connection, transaction, values, sql);
        var ids = new long[effects.Count];
        for (var e = 0; e < effects.Count; e++)
        {
            ids[e] = await writer.IdAsync(effects[e].RepresentativeMessage.ModelJson ?? "null", effects[e].Effect.RecipientRole, now, cancellationToken);
        }

        return ids;
    }

    /// <summary>The effect's values, named <paramref name="prefix"/> + the names <see cref="DueGroupSql.OutboxValues"/> uses.</summary>
    private void BindEffect(DbCommand command, string prefix, GroupEffect effect, long model)
    {
        UniformDueGroup.Add(command, prefix + "key", effect.Effect.DedupeKey);
        UniformDueGroup.Add(command, prefix + "subject", effect.RepresentativeMessage.Subject);
        UniformDueGroup.Add(command, prefix + "html", effect.RepresentativeMessage.HtmlBody);
        UniformDueGroup.Add(command, prefix + "text", effect.RepresentativeMessage.TextBody);
        UniformDueGroup.Add(command, prefix + "template", ProviderValues.Text(effect.RepresentativeMessage.Template));
        UniformDueGroup.Add(command, prefix + "created", values.Time(effect.RepresentativeMessage.CreatedAt));
        UniformDueGroup.Add(command, prefix + "model", model);
    }

    private void BindDecision(DbCommand command, SweepDecision decision)
    {
        UniformDueGroup.Add(command, "@next", values.NullableTime(decision.NextActionAt));
        UniformDueGroup.Add(command, "@chase", decision.ChaseCount);
        UniformDueGroup.Add(command, "@level", decision.EscalationLevel);
        UniformDueGroup.Add(command, "@raised", decision.IsRaised);
    }

    private DbCommand NewCommand(DateTimeOffset now)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 600;
        UniformDueGroup.Add(command, "@now", values.Time(now));
        return command;
    }
}
