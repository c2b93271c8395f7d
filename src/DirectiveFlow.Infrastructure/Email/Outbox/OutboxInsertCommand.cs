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
    private readonly DbParameter[] _parameters;
    private readonly ProviderValues _values;

    public OutboxInsertCommand(DbConnection connection, DbTransaction? transaction, ProviderValues values, ProviderSql sql)
    {
        _values = values;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql.InsertOutboxUnlessDuplicate;
        _parameters = new DbParameter[OutboxColumns.Inserted.Count];
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i] = _command.CreateParameter();
            _parameters[i].ParameterName = "@" + OutboxColumns.Inserted[i];
            _command.Parameters.Add(_parameters[i]);
        }
    }

    public async Task<bool> ExecuteAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = Getters[i](message, _values);
        }

        return await _command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// The values of one row for <see cref="OutboxColumns.Inserted"/>, in that order, as the provider stores them
    /// (what <see cref="ExecuteAsync"/> binds, for a multi-row statement).
    /// </summary>
    public static IEnumerable<object> Values(OutboxMessage message, ProviderValues values) => Getters.Select(value => value(message, values));

    /// <summary>One reader per column of <see cref="OutboxColumns.Inserted"/>, chosen once (a cascade binds thousands of rows).</summary>
    private static readonly Func<OutboxMessage, ProviderValues, object>[] Getters = [.. OutboxColumns.Inserted.Select(Getter)];

    private static Func<OutboxMessage, ProviderValues, object> Getter(string column) => column switch
    {
        nameof(OutboxMessage.DedupeKey) => (message, _) => message.DedupeKey,
        nameof(OutboxMessage.To) => (message, _) => message.To,
        nameof(OutboxMessage.Subject) => (message, _) => message.Subject,
        nameof(OutboxMessage.HtmlBody) => (message, _) => message.HtmlBody,
        nameof(OutboxMessage.TextBody) => (message, _) => message.TextBody,
        nameof(OutboxMessage.Template) => (message, _) => ProviderValues.Text(message.Template),
        nameof(OutboxMessage.ModelJson) => (message, _) => ProviderValues.Text(message.ModelJson),
        nameof(OutboxMessage.ModelId) => (message, _) => message.ModelId is { } modelId ? modelId : DBNull.Value,
        nameof(OutboxMessage.TaskId) => (message, values) => values.NullableId(message.TaskId),
        nameof(OutboxMessage.DirectiveId) => (message, values) => values.NullableId(message.DirectiveId),
        nameof(OutboxMessage.Status) => (message, _) => message.Status.ToString(),
        nameof(OutboxMessage.Attempts) => (message, _) => message.Attempts,
        nameof(OutboxMessage.CreatedAt) => (message, values) => values.Time(message.CreatedAt),
        nameof(OutboxMessage.NextAttemptAt) => (message, values) => values.Time(message.NextAttemptAt),
        _ => throw new InvalidOperationException($"No value for the outbox column {column}."),
    };

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
