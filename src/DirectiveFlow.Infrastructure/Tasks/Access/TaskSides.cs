namespace DirectiveFlow.Infrastructure.Tasks.Access;

/// <summary>The sides a caller stands on for one task; a caller may stand on several (or none).</summary>
[Flags]
public enum TaskSides
{
    None = 0,

    /// <summary>Acts for the lead unit (chủ trì).</summary>
    Lead = 1,

    /// <summary>Acts for a supporting unit (phối hợp).</summary>
    Supporting = 2,

    /// <summary>Acts for the assigning unit: reviews and decides extensions.</summary>
    Assigner = 4,

    /// <summary>An administrator: reads all, decides on the assigner's behalf, may cancel.</summary>
    Administrator = 8,
}
