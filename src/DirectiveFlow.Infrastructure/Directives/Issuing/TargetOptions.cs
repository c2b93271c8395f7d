using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Issuing;

/// <summary>Loads units as <see cref="TargetOption"/>s (with their commune's code and name), ordered by commune then code.</summary>
public static class TargetOptions
{
    public static async Task<List<TargetOption>> LoadAsync(DirectiveFlowDbContext db, IQueryable<OrgUnit> units, CancellationToken cancellationToken)
    {
        var options = await (from u in units.AsNoTracking()
                             join l in db.Localities on u.LocalityId equals l.Id
                             select new TargetOption(u.Code, u.Name, l.Code, l.Name))
            .ToListAsync(cancellationToken);
        return options.OrderBy(u => u.LocalityCode, StringComparer.Ordinal).ThenBy(u => u.UnitCode, StringComparer.Ordinal).ToList();
    }
}
