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
}
