using DirectiveFlow.Infrastructure.Organisation.Units;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>The unit whose branch a step moves on, read with the step (<see cref="FlowStepLoader"/>): its name and place.</summary>
public sealed record BranchUnit(Guid Id, string Name, UnitPlace Place);
