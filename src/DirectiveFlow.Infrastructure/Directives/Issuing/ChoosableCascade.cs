namespace DirectiveFlow.Infrastructure.Directives.Issuing;

/// <summary>A narrowable cascade of a flow with its full target set for one issuer, ordered by commune then unit code.</summary>
public sealed record ChoosableCascade(string ActivityId, string Name, IReadOnlyList<TargetOption> Units);
