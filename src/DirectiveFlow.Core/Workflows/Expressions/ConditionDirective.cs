namespace DirectiveFlow.Core.Workflows.Expressions;

/// <summary>The directive as a condition sees it; <paramref name="Priority"/> is "Normal", "Urgent" or "Immediate".</summary>
public sealed record ConditionDirective(string Number, string Title, string Priority);
