using System.Data.Common;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Persistence.Sql.PostgreSql;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using Npgsql;
using NpgsqlTypes;

namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>
/// Inserts the small outbox rows of notices (each naming a shared model) on the open connection and transaction, with
/// the provider's fastest path: PostgreSQL a binary COPY when the keys cannot exist yet (the rows of tasks written in
/// this transaction), otherwise one prepared insert-unless-the-key-exists reused per row (SQLite, SQL Server).
/// Answers how many rows were written; the callers count them as queued, or not (a list expanded was counted when written).
/// </summary>
public static class NoticeRows
{
    public static async Task<int> InsertAsync(
        DbConnection connection, DbTransaction? transaction, ProviderValues values, ProviderSql sql, IReadOnlyList<OutboxMessage> rows, bool keysAreNew,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        if (keysAreNew && sql is PostgreSqlSql postgres && connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, postgres.CopyIntoOutboxNamingSharedModel, rows, cancellationToken);
            return rows.Count;
        }

        await using var insert = new OutboxInsertCommand(connection, transaction, values, sql);
        var queued = 0;
        foreach (var row in rows)
        {
            queued += await insert.ExecuteAsync(row, cancellationToken) ? 1 : 0;
        }

        return queued;
    }

    /// <summary>A notice's row as written before dispatch: naming its shared model, to be completed and addressed then.</summary>
    public static OutboxMessage Row(string key, string? template, long modelId, Guid taskId, Guid? directiveId, DateTimeOffset at) => new()
    {
        DedupeKey = key,
        To = "",
        Subject = "",
        HtmlBody = "",
        TextBody = "",
        Template = template,
        ModelId = modelId,
        TaskId = taskId,
        DirectiveId = directiveId,
        CreatedAt = at,
        NextAttemptAt = at,
    };

    private static async Task CopyAsync(NpgsqlConnection connection, string copy, IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            importer.StartRow();
            foreach (var write in CopyWriters)
            {
                write(importer, row);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>
    /// One typed writer per copied column, in <see cref="OutboxColumns.InsertedNamingSharedModel"/> order, chosen once:
    /// a cascade of thousands of tasks writes a dozen values per notice, and boxing each value to look its type up again
    /// was a good part of the notices' time.
    /// </summary>
    private static readonly Action<NpgsqlBinaryImporter, OutboxMessage>[] CopyWriters =
        [.. OutboxColumns.InsertedNamingSharedModel.Select(Writer)];

    private static Action<NpgsqlBinaryImporter, OutboxMessage> Writer(string column) => column switch
    {
        nameof(OutboxMessage.DedupeKey) => (w, row) => w.Write(row.DedupeKey, NpgsqlDbType.Text),
        nameof(OutboxMessage.To) => (w, row) => w.Write(row.To, NpgsqlDbType.Text),
        nameof(OutboxMessage.Subject) => (w, row) => w.Write(row.Subject, NpgsqlDbType.Text),
        nameof(OutboxMessage.HtmlBody) => (w, row) => w.Write(row.HtmlBody, NpgsqlDbType.Text),
        nameof(OutboxMessage.TextBody) => (w, row) => w.Write(row.TextBody, NpgsqlDbType.Text),
        nameof(OutboxMessage.Template) => (w, row) => Nullable(w, row.Template, NpgsqlDbType.Text),
        nameof(OutboxMessage.ModelId) => (w, row) => Nullable(w, row.ModelId, NpgsqlDbType.Bigint),
        nameof(OutboxMessage.TaskId) => (w, row) => Nullable(w, row.TaskId, NpgsqlDbType.Uuid),
        nameof(OutboxMessage.DirectiveId) => (w, row) => Nullable(w, row.DirectiveId, NpgsqlDbType.Uuid),
        nameof(OutboxMessage.Status) => (w, row) => w.Write(row.Status.ToString(), NpgsqlDbType.Text),
        nameof(OutboxMessage.Attempts) => (w, row) => w.Write(row.Attempts, NpgsqlDbType.Integer),
        nameof(OutboxMessage.CreatedAt) => (w, row) => w.Write(row.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz),
        nameof(OutboxMessage.NextAttemptAt) => (w, row) => w.Write(row.NextAttemptAt.ToUniversalTime(), NpgsqlDbType.TimestampTz),
        _ => throw new InvalidOperationException($"No value for the outbox column {column}."),
    };

    private static void Nullable(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }

    private static void Nullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } present)
        {
            importer.Write(present, type);
        }
        else
        {
            importer.WriteNull();
        }
    }
}
