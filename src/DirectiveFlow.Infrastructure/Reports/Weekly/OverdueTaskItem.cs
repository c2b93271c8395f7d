namespace DirectiveFlow.Infrastructure.Reports.Weekly;

/// <summary>
/// An open task past its deadline: the directive, the responsible unit and its head (the person who answers for it),
/// the deadline, the working days it is late and how many times the sweep chased it.
/// </summary>
public sealed record OverdueTaskItem(
    Guid TaskId, Guid DirectiveId, string DirectiveNumber, string Title, Guid UnitId, string UnitCode, string UnitName, string? HeadName,
    DateTimeOffset DueAt, int DaysOverdue, int Chases);
