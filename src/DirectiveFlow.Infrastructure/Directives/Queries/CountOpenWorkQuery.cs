using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Engine.Notices;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// A directive's work still open: its tasks not completed or cancelled, the units they belong to, and the supporting
/// units the withdrawal would tell besides (<see cref="WithdrawalRecipients"/>) — what a withdrawal would stop and whom
/// it emails, as its confirmation names them. The caller has read the directive already.
/// </summary>
public sealed record CountOpenWorkQuery(Guid DirectiveId) : IQuery<OpenWork>;

/// <summary>How many open tasks, in how many (lead) units, and how many supporting units yet to contribute are told too.</summary>
public sealed record OpenWork(int Tasks, int Units, int SupportingUnits);

public sealed class CountOpenWorkHandler(DirectiveFlowDbContext db) : IQueryHandler<CountOpenWorkQuery, OpenWork>
{
    public async ValueTask<OpenWork> Handle(CountOpenWorkQuery query, CancellationToken cancellationToken)
    {
        var open = db.Tasks.AsNoTracking()
            .Where(t => t.DirectiveId == query.DirectiveId && t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled);
        // The tasks a withdrawal would cancel: a few thousand pairs at most, the same list the notices are chosen from.
        var tasks = await open.Select(t => new { t.Id, t.UnitId }).ToListAsync(cancellationToken);
        var supporting = await WithdrawalRecipients.SupportingAsync(db, open, [.. tasks.Select(t => (t.Id, t.UnitId))], cancellationToken);
        return new OpenWork(tasks.Count, tasks.Select(t => t.UnitId).Distinct().Count(), supporting.Count);
    }
}
