using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// A directive's work still open: its tasks not completed or cancelled, and the units they belong to — what a withdrawal
/// would stop, as its confirmation names it. The caller has read the directive already.
/// </summary>
public sealed record CountOpenWorkQuery(Guid DirectiveId) : IQuery<OpenWork>;

/// <summary>How many open tasks, in how many units.</summary>
public sealed record OpenWork(int Tasks, int Units);

public sealed class CountOpenWorkHandler(DirectiveFlowDbContext db) : IQueryHandler<CountOpenWorkQuery, OpenWork>
{
    public async ValueTask<OpenWork> Handle(CountOpenWorkQuery query, CancellationToken cancellationToken)
    {
        var open = db.Tasks.AsNoTracking()
            .Where(t => t.DirectiveId == query.DirectiveId && t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled);
        return new OpenWork(await open.CountAsync(cancellationToken), await open.Select(t => t.UnitId).Distinct().CountAsync(cancellationToken));
    }
}
