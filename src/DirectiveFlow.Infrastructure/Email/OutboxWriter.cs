using System.Text.Encodings.Web;
using System.Text.Json;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using DirectiveFlow.Infrastructure.Telemetry;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// Puts emails in the transactional outbox, inside the caller's transaction: they are sent if and only if the state
/// change that caused them commits.
/// </summary>
public sealed class OutboxWriter(TimeProvider time)
{
    /// <summary>
    /// The model is only ever read back by the renderer (which escapes for HTML itself), so Vietnamese text is kept as
    /// it is instead of \u-escaped: rows are about half the size.
    /// </summary>
    internal static readonly JsonSerializerOptions ModelJson = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes the email at once on <paramref name="db"/>'s connection and current transaction, unless its dedupe key
    /// already exists. Answers whether it was written (false = already done, not an error).
    /// </summary>
    public async Task<bool> TryInsertAsync(DirectiveFlowDbContext db, OutboxEmail email, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new OutboxInsertCommand(
                connection, db.Database.CurrentTransaction?.GetDbTransaction(), new ProviderValues(db.Database.ProviderName), ProviderSql.For(db));
            var written = await command.ExecuteAsync(ToMessage(email), cancellationToken);
            EmailTelemetry.Queued(written ? 1 : 0, "single");
            return written;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public OutboxMessage ToMessage(OutboxEmail email)
    {
        if (email.Template is null && email.Subject is null)
        {
            throw new ArgumentException("An outbox email needs a template or a subject.", nameof(email));
        }

        var now = time.GetUtcNow();
        return new OutboxMessage
        {
            DedupeKey = email.DedupeKey,
            To = OutboxFields.To(email.To),
            Subject = OutboxFields.Subject(email.Subject ?? ""),
            TextBody = email.TextBody ?? "",
            HtmlBody = email.HtmlBody ?? "",
            Template = email.Template,
            ModelJson = email.Model is null ? null : JsonSerializer.Serialize(email.Model, ModelJson),
            TaskId = email.TaskId,
            DirectiveId = email.DirectiveId,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}
