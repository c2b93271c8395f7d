namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>One row of the directive list.</summary>
public sealed record DirectiveSummaryDto(
    Guid Id, string Number, string Title, string Priority, Guid IssuingUnitId, string IssuingUnitName,
    string WorkflowDefinitionId, int WorkflowVersion, Guid InstanceId, string Status, DateTimeOffset CreatedAt, string CreatedBy);
