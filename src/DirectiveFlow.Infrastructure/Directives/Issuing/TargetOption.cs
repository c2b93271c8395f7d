namespace DirectiveFlow.Infrastructure.Directives.Issuing;

/// <summary>One unit a narrowable cascade may reach, with its commune (locality).</summary>
public sealed record TargetOption(string UnitCode, string UnitName, string LocalityCode, string LocalityName);
