namespace DirectiveFlow.Infrastructure.Directives.Commands;

/// <summary>The issuer's choice for one narrowable cascade: unit codes, or commune (locality) codes — one of the two.</summary>
public sealed record TargetChoice(IReadOnlyList<string?>? UnitCodes = null, IReadOnlyList<string?>? LocalityCodes = null);
