using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>
/// What the inbox page shows in one request: the page of <see cref="Filter"/> (as <see cref="ListTasksQuery"/>) and
/// the category counters of the same scope and directive, whatever its status, category or due-soon filter (as
/// <see cref="CountTasksQuery"/> of <see cref="CountersFilter"/>).
/// </summary>
public sealed record InboxPageQuery(TaskListFilter Filter) : IQuery<InboxPage>
{
    /// <summary>The filter the counters cover: the page's, without the status, category and due-soon narrowing.</summary>
    public TaskListFilter CountersFilter => Filter with { Statuses = [], Category = null, DueSoon = false };
}

/// <summary>The inbox page's tasks and counters.</summary>
public sealed record InboxPage(PagedResult<TaskListItemDto> Tasks, TaskCounts Counts);

/// <summary>
/// Reads the counters, then the page, on one connection. When the filter does not narrow below the counters' scope,
/// the counters' total is the list's total, so the list's own count query is not run.
/// </summary>
public sealed class InboxPageHandler(DirectiveFlowDbContext db, TaskListSource source, TaskClock clock) : IQueryHandler<InboxPageQuery, InboxPage>
{
    public async ValueTask<InboxPage> Handle(InboxPageQuery query, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var counters = query.CountersFilter;
            var counts = await CountTasksHandler.ReadAsync(db, source, clock, counters, cancellationToken);
            var sameTasks = query.Filter.Statuses.Count == 0 && query.Filter.Category is null && !query.Filter.DueSoon;
            var tasks = await ListTasksHandler.ReadAsync(db, source, clock, query.Filter, sameTasks ? counts.Total : null, cancellationToken);
            return new InboxPage(tasks, counts);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
