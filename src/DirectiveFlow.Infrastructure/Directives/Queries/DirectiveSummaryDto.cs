namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// One row of the directive list, with its progress (<see cref="DirectiveProgress"/>), the earliest deadline still
/// ahead among its open tasks (<see cref="NextDueAt"/>, null when none) and how many lead units have a task past its
/// deadline (<see cref="OverdueUnits"/>); <see cref="DocumentType"/>, <see cref="IssuedOn"/>, <see cref="Deadline"/>,
/// <see cref="Signer"/> and <see cref="Summary"/> as in <see cref="DirectiveDetailDto"/>.
/// </summary>
public sealed record DirectiveSummaryDto(
    Guid Id, string Number, string Title, string Priority, Guid IssuingUnitId, string IssuingUnitName,
    string WorkflowDefinitionId, int WorkflowVersion, Guid InstanceId, string Status, DateTimeOffset CreatedAt, string CreatedBy,
    DirectiveProgress Progress, DateTimeOffset? NextDueAt, int OverdueUnits, string? DocumentType = null,
    DateOnly? IssuedOn = null, DateTimeOffset? Deadline = null, SignerDto? Signer = null, string? Summary = null);
