namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>One progress report on a task.</summary>
public sealed record ProgressReportDto(Guid Id, string Note, int Percent, DateTimeOffset ReportedAt, string ReportedBy);
