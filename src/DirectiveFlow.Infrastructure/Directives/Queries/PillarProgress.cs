namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>The progress of one pillar's units ("PARTY", "COUNCIL", "COMMITTEE", "FRONT").</summary>
public sealed record PillarProgress(string Pillar, DirectiveProgress Progress);
