namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>One progress report on a task.</summary>
public sealed record ProgressReportDto(Guid Id, string Note, int Percent, DateTimeOffset ReportedAt, string ReportedBy)
{
    /// <summary>The person who reported (<see cref="Identity.PersonNames"/>); null for the system.</summary>
    public string? ReportedByName { get; init; }
}
