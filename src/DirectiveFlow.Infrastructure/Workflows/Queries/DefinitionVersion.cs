namespace DirectiveFlow.Infrastructure.Workflows.Queries;

/// <summary>One version of a definition, without its JSON; <paramref name="ConcurrencyStamp"/> guards the next save;
/// a published version says who published it and their change note.</summary>
public sealed record DefinitionVersion(
    string DefinitionId, int Version, bool IsPublished, bool IsLatest, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt, int ConcurrencyStamp,
    string? PublishedBy = null, string? ChangeNote = null);
