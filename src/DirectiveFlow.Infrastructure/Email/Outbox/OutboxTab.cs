namespace DirectiveFlow.Infrastructure.Email.Outbox;

/// <summary>The tabs of the admin outbox screen: how far an email got.</summary>
public enum OutboxTab
{
    /// <summary>Waiting for its first attempt.</summary>
    Pending = 1,

    /// <summary>Tried and failed; waiting for its next attempt.</summary>
    Failed = 2,

    /// <summary>Gave up after its last attempt; an administrator may retry it.</summary>
    DeadLetter = 3,

    /// <summary>An escalation held for its recipient's daily digest.</summary>
    Held = 4,

    /// <summary>A held escalation that went out in a digest.</summary>
    Digested = 5,

    /// <summary>A chase not sent because its task was completed or cancelled before it could go.</summary>
    Skipped = 6,
}
