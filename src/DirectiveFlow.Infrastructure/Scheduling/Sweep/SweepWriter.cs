using System.Data.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// The sweep's two prepared statements, reused for every task of a page inside the page's one transaction: a
/// guarded task update (it only applies if nobody moved the task's schedule or deadline since it was read) and an
/// outbox insert that ignores a duplicate dedupe key.
/// </summary>
public sealed class SweepWriter : IAsyncDisposable
{
    private readonly ProviderValues _values;
    private readonly DbCommand _task;
    private readonly OutboxInsertCommand _outbox;

    public SweepWriter(DbConnection connection, DbTransaction transaction, ProviderValues values)
    {
        _values = values;
        _task = Command(connection, transaction,
            "UPDATE \"Tasks\" SET \"NextActionAt\" = @next, \"ChaseCount\" = @chase, \"EscalationLevel\" = @level, \"IsRaised\" = @raised " +
            "WHERE \"Id\" = @id AND \"NextActionAt\" = @old AND \"DueAt\" = @due",
            "@next", "@chase", "@level", "@raised", "@id", "@old", "@due");
        _outbox = new OutboxInsertCommand(connection, transaction, values);
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
