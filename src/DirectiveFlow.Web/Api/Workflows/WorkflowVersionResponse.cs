using DirectiveFlow.Infrastructure.Workflows.Queries;

namespace DirectiveFlow.Web.Api.Workflows;

/// <summary>One version in the versions list: its state, dates, who published it and their change note.</summary>
public sealed record WorkflowVersionResponse(
    int Version,
    bool IsPublished,
    bool IsLatest,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    string? ChangeNote)
{
    public static WorkflowVersionResponse From(DefinitionVersion v) =>
        new(v.Version, v.IsPublished, v.IsLatest, v.CreatedAt, v.PublishedAt, v.PublishedBy, v.ChangeNote);
}
