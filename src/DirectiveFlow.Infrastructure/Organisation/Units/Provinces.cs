using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Organisation.Units;

/// <summary>
/// A unit's province (city) and the units inside a province, through the locality tree. A national unit (on the
/// country's locality, <see cref="NationalTier"/>) has no province: its scope is the whole country, which the callers
/// learn from <see cref="PlaceOfAsync"/> before narrowing to a province.
/// </summary>
public static class Provinces
{
    /// <summary>A unit's pillar, national or not, and province, in one query; null for an unknown unit.</summary>
    public static Task<UnitPlace?> PlaceOfAsync(DirectiveFlowDbContext db, Guid unitId, CancellationToken cancellationToken) =>
        (from u in db.Units.AsNoTracking()
         join l in db.Localities.AsNoTracking() on u.LocalityId equals l.Id
         where u.Id == unitId
         select new UnitPlace(u.Pillar, l.Type == LocalityType.Country, l.ParentId ?? l.Id)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The ids of the units at the province itself or at one of its communes (sub-units included).</summary>
    public static IQueryable<Guid> UnitIdsIn(DirectiveFlowDbContext db, Guid provinceId)
    {
        var localities = LocalityIdsIn(db, provinceId);
        return db.Units.Where(u => localities.Contains(u.LocalityId)).Select(u => u.Id);
    }

    /// <summary>
    /// The province's locality and its communes': units are matched on these by their locality index, instead of an OR
    /// of "at the province" and "at one of its communes" over the units, which made both databases read every unit of
    /// the country.
    /// </summary>
    public static IQueryable<Guid> LocalityIdsIn(DirectiveFlowDbContext db, Guid provinceId) =>
        db.Localities.Where(l => l.Id == provinceId || l.ParentId == provinceId).Select(l => l.Id);
}
