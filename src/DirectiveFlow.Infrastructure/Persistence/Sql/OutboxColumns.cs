using DirectiveFlow.Core.Email;

namespace DirectiveFlow.Infrastructure.Persistence.Sql;

/// <summary>
/// The outbox columns a raw insert writes, by property, in one list for every outbox statement. The others keep their
/// defaults on a new row (<see cref="LeftToDefaults"/>); a test checks that the two lists together are the mapping.
/// </summary>
public static class OutboxColumns
{
    public static readonly IReadOnlyList<string> Inserted =
    [
        nameof(OutboxMessage.DedupeKey), nameof(OutboxMessage.To), nameof(OutboxMessage.Subject), nameof(OutboxMessage.HtmlBody),
        nameof(OutboxMessage.TextBody), nameof(OutboxMessage.Template), nameof(OutboxMessage.ModelJson), nameof(OutboxMessage.ModelId),
        nameof(OutboxMessage.TaskId), nameof(OutboxMessage.DirectiveId), nameof(OutboxMessage.Status), nameof(OutboxMessage.Attempts),
        nameof(OutboxMessage.CreatedAt), nameof(OutboxMessage.NextAttemptAt),
    ];

    /// <summary>Assigned by the database (<see cref="OutboxMessage.Id"/>) or empty until the dispatcher fills them (<see cref="OutboxMessage.DigestId"/>: when it digests the row).</summary>
    public static readonly IReadOnlyList<string> LeftToDefaults =
    [
        nameof(OutboxMessage.Id), nameof(OutboxMessage.IcsContent), nameof(OutboxMessage.IcsFileName),
        nameof(OutboxMessage.LeaseUntil), nameof(OutboxMessage.SentAt), nameof(OutboxMessage.LastError), nameof(OutboxMessage.DigestId),
    ];

    /// <summary>What a row naming a shared model writes: <see cref="Inserted"/> without the model's JSON (left NULL).</summary>
    public static readonly IReadOnlyList<string> InsertedNamingSharedModel = [.. Inserted.Where(c => c != nameof(OutboxMessage.ModelJson))];
}
