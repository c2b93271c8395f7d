namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>
/// What became of one email about a task, as its history shows it; machine values, put into words in the reader's
/// language by the web layer (<c>JournalText.Delivery</c>). <see cref="To"/> is empty for a sweep's row not yet sent
/// (it gets its recipients then); <see cref="Status"/> is the outbox status ("Sent", "Skipped", …);
/// <see cref="InDigestAt"/> is when the leader's overdue digest that carried it was made, null when sent alone;
/// <see cref="Refused"/> are the addresses the mail server refused for good when it took the email for the others.
/// </summary>
public sealed record EmailDelivery(
    IReadOnlyList<string> To, string Status, DateTimeOffset? SentAt, int Attempts, string? Error, IReadOnlyList<string> Refused,
    DateTimeOffset? InDigestAt = null);
