using System.Data.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Persistence.Sql.PostgreSql;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// A sweep page's writes on PostgreSQL as a few set-based statements (per 500 rows): one guarded UPDATE … FROM
/// (VALUES …) RETURNING of the tasks and one INSERT … ON CONFLICT DO NOTHING RETURNING of their outbox rows. Same
/// guards and dedupe semantics as <see cref="RowByRowPageWriter"/>.
/// </summary>
public sealed class SetBasedPageWriter(DbConnection connection, DbTransaction transaction, ProviderValues values, PostgreSqlSql sql)
{
    private const int RowsPerStatement = 500;

    /// <summary>Applies the decisions whose guard holds; answers the ids of the tasks updated.</summary>
    public async Task<HashSet<Guid>> UpdateTasksAsync(IReadOnlyList<(SweepTask Task, SweepDecision Decision)> rows, CancellationToken cancellationToken)
    {
        var updated = new HashSet<Guid>();
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var command = NewCommand();
            // In the order of PostgreSqlSql.TaskPageParameters.
            foreach (var (task, decision) in chunk)
            {
                Bind(command, values.Id(task.Id));
                Bind(command, values.NullableTime(decision.NextActionAt));
                Bind(command, decision.ChaseCount);
                Bind(command, decision.EscalationLevel);
                Bind(command, decision.IsRaised);
                Bind(command, values.NullableTime(task.NextActionAt));
                Bind(command, values.Time(task.DueAt));
            }

            command.CommandText = sql.UpdateTaskPage(chunk.Length);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                updated.Add(reader.GetGuid(0));
            }
        }

        return updated;
    }

    /// <summary>Inserts the messages whose dedupe key is new for their task; answers those tasks and keys.</summary>
    public async Task<HashSet<(Guid? TaskId, string Key)>> InsertOutboxAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var inserted = new HashSet<(Guid? TaskId, string Key)>();
        foreach (var chunk in messages.Chunk(RowsPerStatement))
        {
            await using var command = NewCommand();
            foreach (var message in chunk)
            {
                foreach (var value in OutboxInsertCommand.Values(message, values))
                {
                    Bind(command, value);
                }
            }

            command.CommandText = sql.InsertOutboxPage(chunk.Length);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add((reader.IsDBNull(0) ? null : reader.GetGuid(0), reader.GetString(1)));
            }
        }

        return inserted;
    }

    private DbCommand NewCommand()
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        return command;
    }

    /// <summary>The next positional parameter, <c>@p0…</c>.</summary>
    private static void Bind(DbCommand command, object value) => UniformDueGroup.Add(command, "@p" + command.Parameters.Count, value);
}
