namespace DirectiveFlow.Core.Workflows.Expressions;

/// <summary>The branch's unit as a condition sees it: pillar "PARTY"…"FRONT", level "province", "commune" or "subunit".</summary>
public sealed record ConditionUnit(string Code, string Name, string Pillar, string Level);
