using DirectiveFlow.Core.Organisation;

namespace DirectiveFlow.Infrastructure.Organisation.Import;

/// <summary>A validated commune-level row of an import file, with the province it belongs to.</summary>
public sealed record LocalityRow(int Line, string ProvinceCode, string ProvinceName, string Code, string Name, LocalityType Type);
