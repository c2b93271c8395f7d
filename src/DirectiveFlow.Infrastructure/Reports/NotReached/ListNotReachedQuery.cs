using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;

namespace DirectiveFlow.Infrastructure.Reports.NotReached;

/// <summary>
/// The not-yet-reached panel of one directive: its open tasks that gate a cascade, most late first, with the units
/// each would reach (<see cref="NotReachedReader"/>), inside <paramref name="Scope"/>. The caller checks that the
/// directive itself is readable.
/// </summary>
public sealed record ListNotReachedQuery(Guid DirectiveId, ReportScope Scope) : IQuery<IReadOnlyList<NotReachedItem>>;

public sealed class ListNotReachedHandler(DirectiveFlowDbContext db, NotReachedReader reader, TaskClock clock)
    : IQueryHandler<ListNotReachedQuery, IReadOnlyList<NotReachedItem>>
{
    public async ValueTask<IReadOnlyList<NotReachedItem>> Handle(ListNotReachedQuery query, CancellationToken cancellationToken)
    {
        var tasks = ReportTasks.Select(db, query.Scope, ReportFilter.None).Where(t => t.DirectiveId == query.DirectiveId);
        return await reader.ReadAsync(tasks, query.Scope, clock.Now, cancellationToken);
    }
}
