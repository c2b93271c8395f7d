using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Infrastructure.Reports;

/// <summary>
/// The tasks progress and reports count: every task a flow assigned. A unit's re-cascade of its own task to its
/// sub-units is the unit's internal work, answered for by the unit's task, so it is left out (as on the directive
/// page since issue 3). Cancelled tasks are selected but fall in no category (<see cref="TaskCategories"/>).
/// </summary>
public static class ReportTasks
{
    public static IQueryable<UnitTask> All(DirectiveFlowDbContext db) => db.Tasks.Where(t => t.ParentTaskId == null);

    /// <summary>The counted tasks inside <paramref name="scope"/> that <paramref name="filter"/> selects, as one query.</summary>
    public static IQueryable<UnitTask> Select(DirectiveFlowDbContext db, ReportScope scope, ReportFilter filter)
    {
        var tasks = scope.Apply(db, All(db));
        if (Directives(db, filter) is { } directives)
        {
            var ids = directives.Select(d => d.Id);
            tasks = tasks.Where(t => ids.Contains(t.DirectiveId));
        }

        if (filter.Pillar is not null || !string.IsNullOrEmpty(filter.LocalityCode))
        {
            var units = db.Units.AsQueryable();
            if (filter.Pillar is { } pillar)
            {
                units = units.Where(u => u.Pillar == pillar);
            }

            if (filter.LocalityCode is { Length: > 0 } code)
            {
                var communes = db.Localities.Where(l => db.Localities.Any(p => p.Id == l.ParentId && p.Code == code)).Select(l => l.Id);
                units = units.Where(u => u.LocalityCode == code || communes.Contains(u.LocalityId));
            }

            var ids = units.Select(u => u.Id);
            tasks = tasks.Where(t => ids.Contains(t.UnitId));
        }

        return tasks;
    }

    /// <summary>The directives the period, priority and issuing-unit filters select; null when none is set.</summary>
    public static IQueryable<Directive>? Directives(DirectiveFlowDbContext db, ReportFilter filter)
    {
        if (filter.From is null && filter.To is null && filter.Priority is null && filter.IssuingUnitId is null)
        {
            return null;
        }

        var directives = db.Directives.AsQueryable();
        if (filter.From is { } from)
        {
            directives = directives.Where(d => d.CreatedAt >= from);
        }

        if (filter.To is { } to)
        {
            directives = directives.Where(d => d.CreatedAt < to);
        }

        if (filter.Priority is { } priority)
        {
            directives = directives.Where(d => d.Priority == priority);
        }

        if (filter.IssuingUnitId is { } issuer)
        {
            directives = directives.Where(d => d.IssuingUnitId == issuer);
        }

        return directives;
    }
}
