using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// The few columns of a unit the engine needs to write a branch or a task for it; in a cascade over a document's items,
/// the item the branch is for (<see cref="ItemNo"/>, its ordinal; 0 elsewhere).
/// </summary>
public sealed record TargetUnit(Guid Id, string Code, string Name, Pillar Pillar, UnitLevel Level, Guid? ParentId)
{
    public int ItemNo { get; init; }
}
