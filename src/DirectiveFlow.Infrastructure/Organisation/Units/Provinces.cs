using DirectiveFlow.Core.Directives;
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

    /// <summary>
    /// The province a reader is confined to: null (the whole country) for an administrator, a reader without a unit (an
    /// observer of the whole deployment) or one of a national unit; the province of the reader's unit otherwise
    /// (<see cref="Guid.Empty"/>, nothing, for a unit of no known place). The one scope rule of the directive-wide views
    /// and of a provincial observer's tasks.
    /// </summary>
    public static async Task<Guid?> ReadingScopeAsync(DirectiveFlowDbContext db, bool administrator, Guid? unitId, CancellationToken cancellationToken)
    {
        if (administrator || unitId is not { } unit)
        {
            return null;
        }

        var place = await PlaceOfAsync(db, unit, cancellationToken);
        return place is { IsNational: true } ? null : place?.ProvinceId ?? Guid.Empty;
    }

    /// <summary>The directives issued within a province: by a unit at the province or at one of its communes.</summary>
    public static IQueryable<Directive> IssuedIn(DirectiveFlowDbContext db, IQueryable<Directive> directives, Guid provinceId)
    {
        var units = UnitIdsIn(db, provinceId);
        return directives.Where(d => units.Contains(d.IssuingUnitId));
    }

    /// <summary>
    /// The active units with these codes, by code, each with whether <paramref name="issuingUnitId"/> may give it work:
    /// a unit of the issuer's province, anywhere for a national issuer (who sees the whole country) or when no issuer is
    /// known. The one reach rule of issuing, for numbered items and unit inputs alike.
    /// </summary>
    public static async Task<Dictionary<string, (Guid Id, bool InReach)>> ActiveInReachAsync(
        DirectiveFlowDbContext db, IReadOnlyCollection<string> codes, Guid? issuingUnitId, CancellationToken cancellationToken)
    {
        if (codes.Count == 0)
        {
            return [];
        }

        var place = issuingUnitId is { } issuer ? await PlaceOfAsync(db, issuer, cancellationToken) : null;
        var units = db.Units.AsNoTracking().Where(u => codes.Contains(u.Code) && u.IsActive);
        if (place is { IsNational: false, ProvinceId: var provinceId })
        {
            var inProvince = UnitIdsIn(db, provinceId);
            return await units.Select(u => new { u.Code, u.Id, InReach = inProvince.Contains(u.Id) })
                .ToDictionaryAsync(u => u.Code, u => (u.Id, u.InReach), StringComparer.Ordinal, cancellationToken);
        }

        return await units.ToDictionaryAsync(u => u.Code, u => (u.Id, true), StringComparer.Ordinal, cancellationToken);
    }

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
