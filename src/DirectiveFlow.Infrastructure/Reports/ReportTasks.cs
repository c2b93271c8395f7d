using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Queries;

namespace DirectiveFlow.Infrastructure.Reports;

/// <summary>The counted tasks (<see cref="CountedTasks"/>) a report selects.</summary>
public static class ReportTasks
{
    public static IQueryable<UnitTask> All(DirectiveFlowDbContext db) => CountedTasks.All(db);

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

    /// <summary>The directives the period, priority, document-type and issuing-unit filters select; null when none is set.</summary>
    public static IQueryable<Directive>? Directives(DirectiveFlowDbContext db, ReportFilter filter)
    {
        if (filter.From is null && filter.To is null && filter.Priority is null && filter.IssuingUnitId is null && filter.DocumentType is null)
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

        if (filter.DocumentType is { } type)
        {
            directives = directives.Where(d => d.DocumentType == type);
        }

        if (filter.IssuingUnitId is { } issuer)
        {
            directives = directives.Where(d => d.IssuingUnitId == issuer);
        }

        return directives;
    }
}
