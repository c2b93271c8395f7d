namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// Where a token runs: at the top level (both null), or in the branch of cascade execution
/// <see cref="CascadeExecutionId"/> that runs for unit <see cref="UnitId"/> — and, in a cascade over a document's items,
/// for item <see cref="ItemNo"/> (its ordinal; 0 elsewhere), since one unit may lead several items.
/// </summary>
public readonly record struct FlowScope(Guid? CascadeExecutionId, Guid? UnitId, int ItemNo = 0)
{
    public static FlowScope TopLevel => default;

    public bool IsBranch => CascadeExecutionId is not null;

    /// <summary>A stable text form for dedupe keys.</summary>
    public string Key => !IsBranch ? "top" : ItemNo == 0 ? $"{CascadeExecutionId:N}:{UnitId:N}" : $"{CascadeExecutionId:N}:{UnitId:N}:{ItemNo}";
}
