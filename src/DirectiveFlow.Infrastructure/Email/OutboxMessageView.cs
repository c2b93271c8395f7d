using System.Text.Json.Serialization;
using DirectiveFlow.Core.Email;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// An outbox row as administrators see it (no bodies). A row the sweep wrote gets its recipients and subject when it
/// is dispatched: until then <see cref="To"/> and <see cref="Subject"/> are empty.
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
    Guid? DirectiveId);
