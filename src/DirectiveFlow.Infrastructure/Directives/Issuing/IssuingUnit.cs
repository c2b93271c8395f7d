namespace DirectiveFlow.Infrastructure.Directives.Issuing;

public sealed record IssuingUnit(Guid Id, string Code, string Name);
