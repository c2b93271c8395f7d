using System.Data.Common;
using System.Text;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// A sweep page's writes on PostgreSQL as a few set-based statements (per 500 rows): one guarded UPDATE … FROM
/// (VALUES …) RETURNING of the tasks and one INSERT … ON CONFLICT DO NOTHING RETURNING of their outbox rows. Same
/// guards and dedupe semantics as <see cref="SweepWriter"/>.
/// </summary>
public sealed class SetBasedPageWriter(DbConnection connection, DbTransaction transaction, ProviderValues values)
{
    private const int RowsPerStatement = 500;

    /// <summary>Applies the decisions whose guard holds; answers the ids of the tasks updated.</summary>
    public async Task<HashSet<Guid>> UpdateTasksAsync(IReadOnlyList<(SweepTask Task, SweepDecision Decision)> rows, CancellationToken cancellationToken)
    {
        var updated = new HashSet<Guid>();
        const string ts = "::timestamptz";
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var command = NewCommand();
            var sql = new StringBuilder("WITH v(v_id, v_next, v_chase, v_level, v_raised, v_old, v_due) AS (VALUES ");
            for (var i = 0; i < chunk.Length; i++)
            {
                var (task, decision) = chunk[i];
                sql.Append(i == 0 ? "" : ", ").Append('(')
                    .Append(Bind(command, values.Id(task.Id))).Append(", ")
                    .Append(Bind(command, values.NullableTime(decision.NextActionAt))).Append(ts).Append(", ")
                    .Append(Bind(command, decision.ChaseCount)).Append(", ")
                    .Append(Bind(command, decision.EscalationLevel)).Append(", ")
                    .Append(Bind(command, decision.IsRaised)).Append(", ")
                    .Append(Bind(command, values.NullableTime(task.NextActionAt))).Append(ts).Append(", ")
                    .Append(Bind(command, values.Time(task.DueAt))).Append(ts).Append(')');
            }

            sql.Append(") UPDATE \"Tasks\" SET \"NextActionAt\" = v.v_next, \"ChaseCount\" = v.v_chase, \"EscalationLevel\" = v.v_level, \"IsRaised\" = v.v_raised ")
                .Append("FROM v WHERE \"Tasks\".\"Id\" = v.v_id AND \"Tasks\".\"NextActionAt\" = v.v_old AND \"Tasks\".\"DueAt\" = v.v_due RETURNING \"Id\"");
            command.CommandText = sql.ToString();
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
            var sql = new StringBuilder("INSERT INTO \"Outbox\" (\"DedupeKey\", \"To\", \"Subject\", \"HtmlBody\", \"TextBody\", \"Template\", \"ModelJson\", \"ModelId\", ")
                .Append("\"TaskId\", \"DirectiveId\", \"Status\", \"Attempts\", \"CreatedAt\", \"NextAttemptAt\") VALUES ");
            for (var i = 0; i < chunk.Length; i++)
            {
                var m = chunk[i];
                sql.Append(i == 0 ? "" : ", ").Append('(').AppendJoin(", ",
                    Bind(command, m.DedupeKey), Bind(command, m.To), Bind(command, m.Subject),
                    Bind(command, m.HtmlBody), Bind(command, m.TextBody), Bind(command, ProviderValues.Text(m.Template)),
                    Bind(command, ProviderValues.Text(m.ModelJson)), Bind(command, m.ModelId is { } modelId ? modelId : DBNull.Value),
                    Bind(command, values.NullableId(m.TaskId)),
                    Bind(command, values.NullableId(m.DirectiveId)), Bind(command, m.Status.ToString()), Bind(command, m.Attempts),
                    Bind(command, values.Time(m.CreatedAt)), Bind(command, values.Time(m.NextAttemptAt))).Append(')');
            }

            command.CommandText = sql.Append(" ON CONFLICT DO NOTHING RETURNING \"TaskId\", \"DedupeKey\"").ToString();
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

    private static string Bind(DbCommand command, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p" + command.Parameters.Count;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter.ParameterName;
    }
}
