namespace DirectiveFlow.Core.Tasks;

/// <summary>A supporting unit (phối hợp) named on a task, with its contribution once it has given one.</summary>
public sealed class TaskSupportingUnit
{
    public Guid TaskId { get; set; }

    public Guid UnitId { get; set; }

    public string? Contribution { get; set; }

    public DateTimeOffset? ContributedAt { get; set; }

    public string? ContributedBy { get; set; }
}
