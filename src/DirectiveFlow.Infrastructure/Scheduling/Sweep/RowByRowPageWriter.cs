using System.Data.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence.Sql;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// A sweep page's writes task by task (SQLite, SQL Server): two prepared statements, reused for every task of the page
/// inside the page's one transaction — a guarded task update (<see cref="ProviderSql.UpdateTaskSchedule"/>: it only
/// applies if nobody moved the task's schedule or deadline since it was read) and an outbox insert that ignores a
/// duplicate dedupe key (<see cref="OutboxInsertCommand"/>).
/// </summary>
public sealed class RowByRowPageWriter : IAsyncDisposable
{
    private readonly ProviderValues _values;
    private readonly DbCommand _task;
    private readonly OutboxInsertCommand _outbox;

    public RowByRowPageWriter(DbConnection connection, DbTransaction transaction, ProviderValues values, ProviderSql sql)
    {
        _values = values;
        _task = Command(connection, transaction, sql.UpdateTaskSchedule, "@next", "@chase", "@level", "@raised", "@id", "@old", "@due");
        _outbox = new OutboxInsertCommand(connection, transaction, values, sql);
    }

    /// <summary>Applies the decision's schedule fields; false when the task changed meanwhile (then nothing else is written).</summary>
    public async Task<bool> UpdateTaskAsync(SweepTask task, SweepDecision decision, CancellationToken cancellationToken)
    {
        _task.Parameters["@next"].Value = _values.NullableTime(decision.NextActionAt);
        _task.Parameters["@chase"].Value = decision.ChaseCount;
        _task.Parameters["@level"].Value = decision.EscalationLevel;
        _task.Parameters["@raised"].Value = decision.IsRaised;
        _task.Parameters["@id"].Value = _values.Id(task.Id);
        _task.Parameters["@old"].Value = _values.NullableTime(task.NextActionAt);
        _task.Parameters["@due"].Value = _values.Time(task.DueAt);
        return await _task.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task<bool> TryInsertOutboxAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        _outbox.ExecuteAsync(message, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _task.DisposeAsync();
        await _outbox.DisposeAsync();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
