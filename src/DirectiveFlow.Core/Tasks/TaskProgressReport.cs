namespace DirectiveFlow.Core.Tasks;

/// <summary>A progress report on a task: a note and a percentage.</summary>
public sealed class TaskProgressReport
{
    public Guid Id { get; set; }

    public Guid TaskId { get; set; }

    public Guid UnitId { get; set; }

    public required string Note { get; set; }

    public int Percent { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public string ReportedBy { get; set; } = "";
}
