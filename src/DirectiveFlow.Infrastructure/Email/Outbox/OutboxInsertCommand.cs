using System.Data.Common;
using DirectiveFlow.Core.Email;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// A prepared "insert unless the dedupe key exists" for outbox rows, reusable for many rows in one transaction.
/// A duplicate key is not an error: <see cref="ExecuteAsync"/> answers false, meaning "already done".
/// </summary>
public sealed class OutboxInsertCommand : IAsyncDisposable
{
    private static readonly string[] Columns =
        ["DedupeKey", "To", "Subject", "HtmlBody", "TextBody", "Template", "ModelJson", "ModelId", "TaskId", "DirectiveId", "Status", "Attempts", "CreatedAt", "NextAttemptAt"];

    private readonly DbCommand _command;
    private readonly ProviderValues _values;

    public OutboxInsertCommand(DbConnection connection, DbTransaction? transaction, ProviderValues values)
    {
        _values = values;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        var columns = string.Join(", ", Columns.Select(c => $"\"{c}\""));
        var parameters = string.Join(", ", Columns.Select(c => "@" + c));
        _command.CommandText = values.IsSqlServer
            ? $"INSERT INTO \"Outbox\" ({columns}) SELECT {parameters} WHERE NOT EXISTS (SELECT 1 FROM \"Outbox\" WITH (UPDLOCK, HOLDLOCK) " +
              "WHERE \"DedupeKey\" = @DedupeKey AND (\"TaskId\" = @TaskId OR (\"TaskId\" IS NULL AND @TaskId IS NULL)))"
            // Either unique index (per task, or the key alone for an email about no task) makes it "already done".
            : $"INSERT INTO \"Outbox\" ({columns}) VALUES ({parameters}) ON CONFLICT DO NOTHING";
        foreach (var column in Columns)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = "@" + column;
            _command.Parameters.Add(parameter);
        }
    }

    public async Task<bool> ExecuteAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Set("DedupeKey", message.DedupeKey);
        Set("To", message.To);
        Set("Subject", message.Subject);
        Set("HtmlBody", message.HtmlBody);
        Set("TextBody", message.TextBody);
        Set("Template", ProviderValues.Text(message.Template));
        Set("ModelJson", ProviderValues.Text(message.ModelJson));
        Set("ModelId", message.ModelId is { } modelId ? modelId : DBNull.Value);
        Set("TaskId", _values.NullableId(message.TaskId));
        Set("DirectiveId", _values.NullableId(message.DirectiveId));
        Set("Status", message.Status.ToString());
        Set("Attempts", message.Attempts);
        Set("CreatedAt", _values.Time(message.CreatedAt));
        Set("NextAttemptAt", _values.Time(message.NextAttemptAt));
        return await _command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private void Set(string name, object value) => _command.Parameters["@" + name].Value = value;
}
