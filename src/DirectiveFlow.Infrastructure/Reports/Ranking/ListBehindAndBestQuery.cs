using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;

namespace DirectiveFlow.Infrastructure.Reports.Ranking;

/// <summary>
/// The overview's two short rankings of communes — the <paramref name="Rows"/> most behind, among units with open
/// overdue tasks only (a unit with none is not behind, however few it has), and the best by on-time rate among units
/// with a decided deadline and not already behind — from one grouped count per unit instead of two.
/// </summary>
public sealed record ListBehindAndBestQuery(ReportScope Scope, ReportFilter Filter, int Rows) : IQuery<BehindAndBest>;

/// <summary>The units most behind and the best, each ranked as <see cref="ListUnitRankingQuery"/> ranks them.</summary>
public sealed record BehindAndBest(IReadOnlyList<UnitRankingItem> Behind, IReadOnlyList<UnitRankingItem> Best);

public sealed class ListBehindAndBestHandler(DirectiveFlowDbContext db, TaskClock clock, IWorkingDayCalendar calendar)
    : IQueryHandler<ListBehindAndBestQuery, BehindAndBest>
{
    public async ValueTask<BehindAndBest> Handle(ListBehindAndBestQuery query, CancellationToken cancellationToken)
    {
        var ranking = new ListUnitRankingHandler(db, clock, calendar);
        var (tasks, rows) = await ranking.ReadRowsAsync(query.Scope, query.Filter, Core.Organisation.UnitLevel.Commune, null, cancellationToken);
        var behind = (await ranking.PageAsync(tasks, rows, UnitRankingSort.OpenOverdue, null, PageRequest.From(1, query.Rows), cancellationToken)).Items
            .Where(u => u.IsBehind).ToList();
        var best = await ranking.PageAsync(tasks, rows, UnitRankingSort.OnTimeRate, true, PageRequest.From(1, query.Rows * 2), cancellationToken);
        return new BehindAndBest(
            behind,
            best.Items.Where(u => u.OnTimeRate is not null && behind.All(b => b.UnitId != u.UnitId)).Take(query.Rows).ToList());
    }
}
