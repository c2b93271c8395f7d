using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>The few columns of a unit the engine needs to write a branch or a task for it.</summary>
public sealed record TargetUnit(Guid Id, string Code, string Name, Pillar Pillar, UnitLevel Level, Guid? ParentId);
