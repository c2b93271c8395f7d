using System.Text.Json.Serialization;
using DirectiveFlow.Core.Email;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// An outbox row as administrators see it (no bodies). A templated row gets its subject when it is dispatched, and a
/// row the sweep wrote its recipients too: until then <see cref="To"/> and <see cref="Subject"/> are empty (and stay
/// so on a dead letter whose unit has no address, until it is fixed and the row retried).
/// </summary>
public sealed record OutboxMessageView(
    long Id,
    string DedupeKey,
    string To,
    string Subject,
    string? Template,
    [property: JsonConverter(typeof(JsonStringEnumConverter<OutboxStatus>))] OutboxStatus Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? SentAt,
    string? LastError,
    Guid? TaskId,
    Guid? DirectiveId)
{
    /// <summary>What kind of failure <see cref="LastError"/> tells of, for the page to name in the reader's language.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<DeliveryErrorKind>))]
    public DeliveryErrorKind? ErrorKind => DeliveryErrors.KindOf(LastError);

    public static readonly System.Linq.Expressions.Expression<Func<OutboxMessage, OutboxMessageView>> Projection = m => new OutboxMessageView(
        m.Id, m.DedupeKey, m.To, m.Subject, m.Template, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError, m.TaskId, m.DirectiveId);
}
