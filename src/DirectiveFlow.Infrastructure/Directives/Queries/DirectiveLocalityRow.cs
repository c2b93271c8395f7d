namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// One locality (the city, a ward or commune) on a directive's page: the tasks of its units — its four pillar units and
/// any sub-unit that sits there — in one row, and how many of them are past their deadline.
/// </summary>
public sealed record DirectiveLocalityRow(
    Guid LocalityId, string LocalityCode, string LocalityName, bool IsProvince, int OpenOverdue, IReadOnlyList<DirectiveTaskDto> Tasks);
