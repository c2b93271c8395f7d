using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Api.Workflows;

/// <summary>One stored version: its metadata, the concurrency stamp to send back in <c>If-Match</c>, and the definition itself.</summary>
public sealed record WorkflowDefinitionResponse(
    string DefinitionId,
    int Version,
    string Name,
    string? Description,
    bool IsPublished,
    bool IsLatest,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    int ConcurrencyStamp,
    JsonNode Definition)
{
    public static WorkflowDefinitionResponse From(WorkflowDefinitionRecord record) => new(
        record.DefinitionId, record.Version, record.Name, record.Description, record.IsPublished, record.IsLatest,
        record.CreatedAt, record.PublishedAt, record.ConcurrencyStamp, JsonNode.Parse(record.Json)!);
}
