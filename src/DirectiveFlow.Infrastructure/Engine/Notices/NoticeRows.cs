using System.Data.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Persistence.Sql.PostgreSql;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Telemetry;
using Npgsql;
using NpgsqlTypes;

namespace DirectiveFlow.Infrastructure.Engine.Notices;

/// <summary>
/// Inserts the small outbox rows of notices (each naming a shared model) on the open connection and transaction, with
/// the provider's fastest path: PostgreSQL a binary COPY when the keys cannot exist yet (the rows of tasks written in
/// this transaction), otherwise one prepared insert-unless-the-key-exists reused per row (SQLite, SQL Server).
/// </summary>
public static class NoticeRows
{
    public static async Task InsertAsync(
        DbConnection connection, DbTransaction? transaction, ProviderValues values, ProviderSql sql, IReadOnlyList<OutboxMessage> rows, bool keysAreNew,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (keysAreNew && sql is PostgreSqlSql postgres && connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, postgres.CopyIntoOutboxNamingSharedModel, rows, cancellationToken);
            EmailTelemetry.Queued(rows.Count, "notice");
            return;
        }

        await using var insert = new OutboxInsertCommand(connection, transaction, values, sql);
        var queued = 0;
        foreach (var row in rows)
        {
            queued += await insert.ExecuteAsync(row, cancellationToken) ? 1 : 0;
        }

        EmailTelemetry.Queued(queued, "notice");
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string copy, IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            importer.StartRow();
            foreach (var column in OutboxColumns.InsertedNamingSharedModel)
            {
                var (value, type) = Value(row, column);
                if (value is null)
                {
                    importer.WriteNull();
                }
                else
                {
                    importer.Write(value, type);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static (object? Value, NpgsqlDbType Type) Value(OutboxMessage row, string column) => column switch
    {
        nameof(OutboxMessage.DedupeKey) => (row.DedupeKey, NpgsqlDbType.Text),
        nameof(OutboxMessage.To) => (row.To, NpgsqlDbType.Text),
        nameof(OutboxMessage.Subject) => (row.Subject, NpgsqlDbType.Text),
        nameof(OutboxMessage.HtmlBody) => (row.HtmlBody, NpgsqlDbType.Text),
        nameof(OutboxMessage.TextBody) => (row.TextBody, NpgsqlDbType.Text),
        nameof(OutboxMessage.Template) => (row.Template, NpgsqlDbType.Text),
        nameof(OutboxMessage.ModelId) => (row.ModelId, NpgsqlDbType.Bigint),
        nameof(OutboxMessage.TaskId) => (row.TaskId, NpgsqlDbType.Uuid),
        nameof(OutboxMessage.DirectiveId) => (row.DirectiveId, NpgsqlDbType.Uuid),
        nameof(OutboxMessage.Status) => (row.Status.ToString(), NpgsqlDbType.Text),
        nameof(OutboxMessage.Attempts) => (row.Attempts, NpgsqlDbType.Integer),
        nameof(OutboxMessage.CreatedAt) => (row.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz),
        nameof(OutboxMessage.NextAttemptAt) => (row.NextAttemptAt.ToUniversalTime(), NpgsqlDbType.TimestampTz),
        _ => throw new InvalidOperationException($"No value for the outbox column {column}."),
    };
}
