namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>The progress of one pillar's units ("PARTY", "COUNCIL", "COMMITTEE", "FRONT").</summary>
public sealed record PillarProgress(string Pillar, DirectiveProgress Progress)
{
    /// <summary>
    /// Once the directive is withdrawn, how many of the pillar's tasks are cancelled (stopped): <see cref="Progress"/>
    /// counts none, so alone one completed task read "1 of 1" as if the pillar had finished everything; null while it stands.
    /// </summary>
    public int? Stopped { get; init; }
}
