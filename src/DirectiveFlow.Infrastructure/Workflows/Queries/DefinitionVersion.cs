namespace DirectiveFlow.Infrastructure.Workflows.Queries;

/// <summary>One version of a definition, without its JSON; <paramref name="ConcurrencyStamp"/> guards the next save.</summary>
public sealed record DefinitionVersion(
    string DefinitionId, int Version, bool IsPublished, bool IsLatest, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, int ConcurrencyStamp);
