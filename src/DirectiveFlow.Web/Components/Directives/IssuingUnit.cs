namespace DirectiveFlow.Web.Components.Directives;

public sealed record IssuingUnit(Guid Id, string Code, string Name);
