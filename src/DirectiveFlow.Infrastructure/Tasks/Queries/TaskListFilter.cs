using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>
/// Inbox filters. <see cref="Scope"/> chooses the base set: the caller's units' own tasks (default), the tasks its
/// unit assigned, or those it supports. Administrators and observers see every task whatever the scope.
/// </summary>
public sealed record TaskListFilter(
    TaskListScope Scope,
    IReadOnlyList<UnitTaskStatus> Statuses,
    TaskCategory? Category,
    bool DueSoon,
    Guid? DirectiveId,
    DateTimeOffset? DueBefore,
    DateTimeOffset? DueAfter,
    Guid? UnitId,
    PageRequest Page)
{
    /// <summary>Only the tasks given to the caller in person.</summary>
    public bool AssignedToMe { get; init; }
}
