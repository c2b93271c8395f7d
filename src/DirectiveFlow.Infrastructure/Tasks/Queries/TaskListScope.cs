namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>Which tasks an inbox list starts from.</summary>
public enum TaskListScope
{
    /// <summary>Tasks whose lead unit the caller sees (its own unit; a head also its sub-units).</summary>
    Mine = 0,

    /// <summary>Tasks assigned by a unit the caller sees (the issuer's follow-up list).</summary>
    Assigned = 1,

    /// <summary>Tasks on which a unit the caller sees is a supporting unit.</summary>
    Supporting = 2,
}
