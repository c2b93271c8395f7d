using DirectiveFlow.Infrastructure.Directives.Queries;

namespace DirectiveFlow.Infrastructure.Directives.Issuing;

/// <summary>A published flow and the units, among those the caller may issue for, that the flow allows to issue it.</summary>
public sealed record IssuableFlow(PublishedFlow Flow, IReadOnlyList<IssuingUnit> Units);
