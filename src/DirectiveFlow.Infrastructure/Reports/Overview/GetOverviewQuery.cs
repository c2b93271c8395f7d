using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Reports.NotReached;
using DirectiveFlow.Infrastructure.Reports.Tallies;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports.Overview;

/// <summary>
/// The leadership overview inside <paramref name="Scope"/>: the categories of every task <paramref name="Filter"/>
/// selects by pillar and level — from the tallies (<see cref="TallyReader"/>) when they answer the scope and filter
/// exactly, else summed from one grouped count per lead unit (<see cref="UnitCounts"/>) —, the units not
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
        var tallied = await TallyReader.CanAnswerAsync(db, query.Scope, query.Filter, cancellationToken);
        var counted = tallied
            ? (await TallyReader.CellsAsync(TallyReader.Select(db, query.Scope, query.Filter), time, cancellationToken))
                .Select(c => (Cell: c.Key, Counts: ReportCounts.From(c.Value)))
            : await PerUnitAsync(tasks, time, cancellationToken);
        var waiting = await notReached.ReadAsync(tasks, query.Scope, time.Now, cancellationToken);

        var cells = counted
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
        var trendTasks = ReportTasks.Select(db, query.Scope, query.Filter.WithoutPeriod);
        var trend = tallied
            ? await TallyReader.TrendAsync(TallyReader.Select(db, query.Scope, query.Filter.WithoutPeriod), trendTasks, end, time, cancellationToken)
            : await TrendReader.ReadAsync(trendTasks, end, time, cancellationToken);
        return new OverviewDto(time.Now, ReportCounts.Sum(cells.Values), byPillar, matrix, trend);
    }

    /// <summary>The raw path: one grouped count per lead unit, summed by the units' pillar and level.</summary>
    private async Task<IEnumerable<((Pillar Pillar, UnitLevel Level) Cell, ReportCounts Counts)>> PerUnitAsync(
        IQueryable<UnitTask> tasks, CategoryTime time, CancellationToken cancellationToken)
    {
        var perUnit = await UnitCounts.ReadAsync(tasks, time, cancellationToken);
        var unitIds = perUnit.Select(u => u.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => EF.Parameter(unitIds).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.Pillar, u.Level), cancellationToken);
        return perUnit.Select(u => (units[u.UnitId], ReportCounts.From(u.Counts)));
    }
}
