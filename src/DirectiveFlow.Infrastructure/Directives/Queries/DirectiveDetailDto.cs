using System.Text.Json.Nodes;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// A directive with its flow's state, progress overall and per pillar, and cascade writing progress;
/// <see cref="DocumentType"/> is the type's name ("Conclusion", …), null for a directive issued without one.
/// </summary>
public sealed record DirectiveDetailDto(
    Guid Id, string Number, string Title, string Body, string Priority, Guid IssuingUnitId, string IssuingUnitName,
    string WorkflowDefinitionId, int WorkflowVersion, Guid InstanceId, string Status, JsonObject Inputs,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? CompletedAt,
    DirectiveProgress Progress, IReadOnlyList<PillarProgress> ByPillar, CascadeProgress Cascade, string? DocumentType = null);
