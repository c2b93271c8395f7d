namespace DirectiveFlow.Web.Studio;

/// <summary>One stored version of a definition as the studio lists it.</summary>
public sealed record StudioVersion(int Version, bool IsPublished, bool IsLatest, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt);
