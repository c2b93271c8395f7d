namespace DirectiveFlow.Infrastructure.Engine.Commands;

/// <summary>What resuming a bookmark did.</summary>
public enum ResumeResult
{
    /// <summary>The bookmark was consumed by this call and the flow moved on.</summary>
    Resumed = 1,

    /// <summary>The bookmark had already been consumed; nothing changed (no second transition).</summary>
    AlreadyConsumed = 2,

    /// <summary>No such bookmark.</summary>
    NotFound = 3,

    /// <summary>The instance is no longer running (completed or cancelled); the bookmark was consumed without moving the flow.</summary>
    InstanceNotRunning = 4,

    /// <summary>The bookmark is not due yet.</summary>
    NotDue = 5,
}
