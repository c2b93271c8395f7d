using System.Data.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Persistence.Sql;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// A prepared "insert unless the dedupe key exists" for outbox rows (<see cref="ProviderSql.InsertOutboxUnlessDuplicate"/>),
/// reusable for many rows in one transaction. A duplicate key is not an error: <see cref="ExecuteAsync"/> answers
/// false, meaning "already done".
/// </summary>
public sealed class OutboxInsertCommand : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly ProviderValues _values;

    public OutboxInsertCommand(DbConnection connection, DbTransaction? transaction, ProviderValues values, ProviderSql sql)
    {
        _values = values;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql.InsertOutboxUnlessDuplicate;
        foreach (var column in OutboxColumns.Inserted)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = "@" + column;
            _command.Parameters.Add(parameter);
        }
    }

    public async Task<bool> ExecuteAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var i = 0;
        foreach (var value in Values(message, _values))
        {
            _command.Parameters[i++].Value = value;
        }

        return await _command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// The values of one row for <see cref="OutboxColumns.Inserted"/>, in that order, as the provider stores them
    /// (what <see cref="ExecuteAsync"/> binds, for a multi-row statement).
    /// </summary>
    public static IEnumerable<object> Values(OutboxMessage message, ProviderValues values) => OutboxColumns.Inserted.Select(column => column switch
    {
        nameof(OutboxMessage.DedupeKey) => message.DedupeKey,
        nameof(OutboxMessage.To) => message.To,
        nameof(OutboxMessage.Subject) => message.Subject,
        nameof(OutboxMessage.HtmlBody) => message.HtmlBody,
        nameof(OutboxMessage.TextBody) => message.TextBody,
        nameof(OutboxMessage.Template) => ProviderValues.Text(message.Template),
        nameof(OutboxMessage.ModelJson) => ProviderValues.Text(message.ModelJson),
        nameof(OutboxMessage.ModelId) => message.ModelId is { } modelId ? modelId : DBNull.Value,
        nameof(OutboxMessage.TaskId) => values.NullableId(message.TaskId),
        nameof(OutboxMessage.DirectiveId) => values.NullableId(message.DirectiveId),
        nameof(OutboxMessage.Status) => message.Status.ToString(),
        nameof(OutboxMessage.Attempts) => message.Attempts,
        nameof(OutboxMessage.CreatedAt) => values.Time(message.CreatedAt),
        nameof(OutboxMessage.NextAttemptAt) => values.Time(message.NextAttemptAt),
        _ => throw new InvalidOperationException($"No value for the outbox column {column}."),
    });

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
