using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;

namespace DirectiveFlow.Web.Components.Inbox;

/// <summary>
/// The inbox's category counts, each the total of the tasks service's own list query with that category filter,
/// so the counts and the rows can never disagree.
/// </summary>
public sealed record InboxCounts(int Total, int CompletedOnTime, int CompletedLate, int OpenWithinDeadline, int DueSoon, int OpenOverdue)
{
    public static async Task<InboxCounts> LoadAsync(IMediator mediator, TaskListScope scope, Guid? directiveId, CancellationToken cancellationToken)
    {
        async Task<int> CountAsync(TaskCategory? category, bool dueSoon)
        {
            var filter = new TaskListFilter(scope, [], category, dueSoon, directiveId, null, null, null, new PageRequest(1, 1));
            return (await mediator.Send(new ListTasksQuery(filter), cancellationToken)).Total;
        }

        return new InboxCounts(
            await CountAsync(null, false),
            await CountAsync(TaskCategory.CompletedOnTime, false),
            await CountAsync(TaskCategory.CompletedLate, false),
            await CountAsync(TaskCategory.OpenWithinDeadline, false),
            await CountAsync(null, true),
            await CountAsync(TaskCategory.OpenOverdue, false));
    }
}
