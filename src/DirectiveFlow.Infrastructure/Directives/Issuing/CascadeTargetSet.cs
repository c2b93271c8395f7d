namespace DirectiveFlow.Infrastructure.Directives.Issuing;

/// <summary>
/// A narrowable cascade of a flow (its id and name) with a set of its units, ordered by commune then unit code: the full
/// set an issuer may choose from (<see cref="ListChoosableTargetsQuery"/>), or the units a directive's issuer chose.
/// </summary>
public sealed record CascadeTargetSet(string ActivityId, string Name, IReadOnlyList<TargetOption> Units);
