namespace DirectiveFlow.Core.Email;

public enum OutboxStatus
{
    Pending = 1,
    Sent = 2,
    DeadLetter = 3,

    /// <summary>An escalation held for its recipient's digest: completed and addressed, not sent on its own.</summary>
    Held = 4,

    /// <summary>A held escalation that went out in a digest (<see cref="OutboxMessage.DigestId"/>).</summary>
    Digested = 5,

    /// <summary>
    /// A chase (a reminder, deadline notice, escalation, …) not sent because its task was completed or cancelled before
    /// it could go: it waited out an SMTP outage or a retry, or was held for a digest. Final; not counted as waiting.
    /// </summary>
    Skipped = 6,
}
