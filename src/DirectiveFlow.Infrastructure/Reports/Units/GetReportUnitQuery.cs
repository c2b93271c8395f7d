using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Organisation;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Reports.Ranking;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports.Units;

/// <summary>
/// A unit's page in the leadership views: the unit with its figures over the tasks <paramref name="Filter"/> selects,
/// or null when the unit does not exist or lies outside <paramref name="Scope"/> (a head's sub-tree; the province of an
/// issuer or observer) — the page then answers 404, as for a directive out of scope.
/// </summary>
public sealed record GetReportUnitQuery(ReportScope Scope, ReportFilter Filter, Guid UnitId) : IQuery<ReportUnit?>;

public sealed class GetReportUnitHandler(DirectiveFlowDbContext db, TaskClock clock, IWorkingDayCalendar calendar)
    : IQueryHandler<GetReportUnitQuery, ReportUnit?>
{
    public async ValueTask<ReportUnit?> Handle(GetReportUnitQuery query, CancellationToken cancellationToken)
    {
        if (!query.Scope.Counts(query.UnitId)
            || (query.Scope.Directives.ProvinceId is { } province && !await Provinces.UnitIdsIn(db, province).ContainsAsync(query.UnitId, cancellationToken)))
        {
            return null;
        }

        var unit = await (from u in db.Units.AsNoTracking()
                          where u.Id == query.UnitId
                          join l in db.Localities on u.LocalityId equals l.Id
                          join p in db.Units on u.ParentId equals p.Id into parents
                          from p in parents.DefaultIfEmpty()
                          select new { u, Locality = l, ParentName = p == null ? null : p.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var tasks = ReportTasks.Select(db, query.Scope, query.Filter).Where(t => t.UnitId == query.UnitId);
        var counts = (await UnitCounts.ReadAsync(tasks, clock.Time, cancellationToken)).SingleOrDefault();
        var chases = await ChaseCounts.ReadAsync(db, tasks, [query.UnitId], cancellationToken);
        var c = counts?.Counts ?? TaskCategoryCounts.Empty;
        var x = unit.u;
        return new ReportUnit(
            x.Id, x.Code, x.Name, x.Pillar, x.Level, LocalityNames.Full(unit.Locality), unit.ParentName, x.HeadName, c, ListUnitRankingHandler.OnTimeRate(c),
            counts?.OldestOverdueDueAt is { } due ? TaskCategories.WorkingDaysLate(calendar, due, clock.Now) : 0,
            chases.GetValueOrDefault(query.UnitId));
    }
}
