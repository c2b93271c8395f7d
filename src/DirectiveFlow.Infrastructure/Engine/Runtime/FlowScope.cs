namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// Where a token runs: at the top level (both null), or in the branch of cascade execution
/// <see cref="CascadeExecutionId"/> that runs for unit <see cref="UnitId"/>.
/// </summary>
public readonly record struct FlowScope(Guid? CascadeExecutionId, Guid? UnitId)
{
    public static FlowScope TopLevel => default;

    public bool IsBranch => CascadeExecutionId is not null;

    /// <summary>A stable text form for dedupe keys.</summary>
    public string Key => IsBranch ? $"{CascadeExecutionId:N}:{UnitId:N}" : "top";
}
