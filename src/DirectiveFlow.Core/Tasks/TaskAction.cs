namespace DirectiveFlow.Core.Tasks;

/// <summary>What someone can do to a unit task. <see cref="TaskStateMachine"/> says in which states each is allowed.</summary>
public enum TaskAction
{
    /// <summary>The lead unit confirms it has received the task (tiếp nhận).</summary>
    Acknowledge = 1,

    /// <summary>The lead unit reports progress: a note and a percentage.</summary>
    Progress = 2,

    /// <summary>The lead unit submits its result.</summary>
    Complete = 3,

    /// <summary>A supporting unit adds its contribution.</summary>
    Contribute = 4,

    /// <summary>The lead unit asks for a later deadline.</summary>
    RequestExtension = 5,

    /// <summary>The assigner approves or rejects an open extension request.</summary>
    DecideExtension = 6,

    /// <summary>The assigner accepts a reported result or returns it for rework.</summary>
    Review = 7,

    /// <summary>An administrator withdraws the task.</summary>
    Cancel = 8,
}
