using System.Security.Claims;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries.Flow;

/// <summary>
/// A directive's task counts per activity by reporting category (<see cref="TaskCategories"/>), computed in the database
/// in one grouped query; none when <paramref name="Caller"/> may not read the directive (<see cref="DirectiveReader"/>).
/// </summary>
public sealed record CountTasksByActivityQuery(Guid DirectiveId, ClaimsPrincipal Caller) : IQuery<IReadOnlyDictionary<string, ActivityCounts>>;

public sealed class CountTasksByActivityHandler(IDbContextFactory<DirectiveFlowDbContext> contexts, TimeProvider time, IWorkingDayCalendar calendar)
    : IQueryHandler<CountTasksByActivityQuery, IReadOnlyDictionary<string, ActivityCounts>>
{
    public async ValueTask<IReadOnlyDictionary<string, ActivityCounts>> Handle(CountTasksByActivityQuery query, CancellationToken cancellationToken)
    {
        var now = CategoryTime.At(time.GetUtcNow(), calendar);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await DirectiveReader.ReadsAsync(db, query.Caller, query.DirectiveId, cancellationToken))
        {
            return new Dictionary<string, ActivityCounts>();
        }

        var rows = await db.Tasks.AsNoTracking().Where(t => t.DirectiveId == query.DirectiveId)
            .GroupBy(t => t.ActivityId)
            .Select(TaskCategoryQueries.Aggregate<string, ActivityRow>(now, (g, c) => new ActivityRow(g.Key, c, g.Count(t => t.Status == UnitTaskStatus.Reported))))
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Counts.Total > 0).ToDictionary(r => r.ActivityId, r => new ActivityCounts(
            r.Counts.Total, r.Counts.CompletedOnTime, r.Counts.CompletedLate, r.Counts.OpenWithinDeadline, r.Counts.OpenOverdue, r.AwaitingReview));
    }

    private sealed record ActivityRow(string ActivityId, TaskCategoryCounts Counts, int AwaitingReview);
}
