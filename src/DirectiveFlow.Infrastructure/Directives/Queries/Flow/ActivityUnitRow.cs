using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Directives.Queries.Flow;

/// <summary>One unit's task at one activity of a directive, with its reporting category now.</summary>
public sealed record ActivityUnitRow(Guid TaskId, string UnitCode, string UnitName, UnitTaskStatus Status, TaskCategory? Category, DateTimeOffset DueAt, DateTimeOffset? CompletedAt);
