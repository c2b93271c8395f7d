using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Reports.Units;

/// <summary>
/// One lead unit as the leadership views show it: who it is (its locality and superior unit by name, its head) and its
/// figures over the tasks a filter selects — the categories, on-time rate, longest delay and chases, as in the ranking.
/// </summary>
public sealed record ReportUnit(
    Guid Id, string Code, string Name, Pillar Pillar, UnitLevel Level, string LocalityName, string? ParentName, string? HeadName,
    TaskCategoryCounts Counts, double? OnTimeRate, int MaxDaysOverdue, int Chases);
