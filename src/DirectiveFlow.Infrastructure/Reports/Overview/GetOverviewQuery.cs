using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Reports.NotReached;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports.Overview;

/// <summary>
/// The leadership overview inside <paramref name="Scope"/>: the categories of every task <paramref name="Filter"/>
/// selects, summed from one grouped count per lead unit (<see cref="UnitCounts"/>) by pillar and level, the units not
/// yet reached counted with their upstream unit (<see cref="NotReachedReader"/>), and the 12-week trend up to the
/// period's end (or now).
/// </summary>
public sealed record GetOverviewQuery(ReportScope Scope, ReportFilter Filter) : IQuery<OverviewDto>;

public sealed class GetOverviewHandler(DirectiveFlowDbContext db, NotReachedReader notReached, TaskClock clock) : IQueryHandler<GetOverviewQuery, OverviewDto>
{
    private static readonly UnitLevel[] MatrixLevels = [UnitLevel.Province, UnitLevel.Commune];

    public async ValueTask<OverviewDto> Handle(GetOverviewQuery query, CancellationToken cancellationToken)
    {
        var time = clock.Time;
        var tasks = ReportTasks.Select(db, query.Scope, query.Filter);
        var perUnit = await UnitCounts.ReadAsync(tasks, time, cancellationToken);
        var unitIds = perUnit.Select(u => u.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => EF.Parameter(unitIds).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.Pillar, u.Level), cancellationToken);
        var waiting = await notReached.ReadAsync(tasks, query.Scope, time.Now, cancellationToken);

        var cells = perUnit.Select(u => (Cell: units[u.UnitId], Counts: ReportCounts.From(u.Counts)))
            .Concat(waiting.Select(w => (Cell: (w.Pillar, w.Level), Counts: ReportCounts.Empty with { NotYetReached = w.UnitsWaiting })))
            .GroupBy(c => c.Cell)
            .ToDictionary(g => g.Key, g => ReportCounts.Sum(g.Select(c => c.Counts)));
        var pillars = query.Filter.Pillar is { } only ? [only] : Enum.GetValues<Pillar>();
        var matrix = pillars
            .SelectMany(p => MatrixLevels.Concat(cells.Keys.Where(k => k.Pillar == p).Select(k => k.Level)).Distinct().Order().Select(l => (p, l)))
            .Select(k => new PillarLevelReportCounts(OrgUnit.PillarCode(k.p), UnitVocabulary.NameOf(k.l), cells.GetValueOrDefault(k) ?? ReportCounts.Empty))
            .ToList();
        var byPillar = pillars
            .Select(p => new PillarReportCounts(OrgUnit.PillarCode(p), ReportCounts.Sum(cells.Where(c => c.Key.Pillar == p).Select(c => c.Value))))
            .ToList();
        var end = query.Filter.To is { } to && to < time.Now ? to : time.Now;
        var trend = await TrendReader.ReadAsync(ReportTasks.Select(db, query.Scope, query.Filter.WithoutPeriod), end, time, cancellationToken);
        return new OverviewDto(time.Now, ReportCounts.Sum(cells.Values), byPillar, matrix, trend);
    }
}
