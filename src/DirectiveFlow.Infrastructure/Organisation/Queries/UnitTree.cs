namespace DirectiveFlow.Infrastructure.Organisation.Queries;

/// <summary>The answer of <see cref="UnitTreeQuery"/>: the provinces to choose from, the chosen one and its units (flat, parents first).</summary>
public sealed record UnitTree(IReadOnlyList<UnitTreeProvince> Provinces, string? ProvinceCode, IReadOnlyList<UnitTreeNode> Units);
