namespace DirectiveFlow.Core.Workflows;

/// <summary>
/// A running flow for one directive, pinned to the definition version it started with. Branch state lives in
/// <see cref="ActivityExecution"/> and task rows, so this row never grows with the number of branches.
/// </summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }

    public Guid DefinitionRecordId { get; set; }

    public required string DefinitionId { get; set; }

    public int DefinitionVersion { get; set; }

    public Guid DirectiveId { get; set; }

    public WorkflowInstanceStatus Status { get; set; } = WorkflowInstanceStatus.Running;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? FaultMessage { get; set; }

    public int ConcurrencyStamp { get; set; }
}
