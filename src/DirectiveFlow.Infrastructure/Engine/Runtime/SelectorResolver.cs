using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// Turns a <see cref="Selector"/> into units with one query: a base set (explicit units, counterparts of a unit,
/// children of a unit, an input holding unit codes, or every unit of the issuer's province — of the country for a
/// national issuer) filtered by pillars, levels and kinds,
/// ordered by code so batches over the result are deterministic.
/// </summary>
public static class SelectorResolver
{
    /// <summary>
    /// Resolves <paramref name="selector"/>; "branch" means <paramref name="branchUnitId"/>, "issuer" the issuing unit.
    /// <paramref name="branchPlace"/> is the branch unit's place when the caller has read it already.
    /// </summary>
    public static async Task<List<TargetUnit>> ResolveAsync(
        DirectiveFlowDbContext db, Selector selector, Guid? branchUnitId, Guid issuingUnitId, JsonObject inputs, CancellationToken cancellationToken,
        UnitPlace? branchPlace = null)
    {
        if (selector.Items is not null)
        {
            // A cascade over items resolves them from the directive (CascadeTargets); as a plain selector it names nobody.
            return [];
        }

        var units = selector.ApplyFilters(db.Units.AsNoTracking());
        if (selector.Units is { } explicitCodes)
        {
            var codes = explicitCodes.ToList();
            units = units.Where(u => codes.Contains(u.Code));
        }
        else if (selector.Input is { } inputName)
        {
            var codes = InputCodes(inputs[inputName]);
            units = units.Where(u => codes.Contains(u.Code));
        }
        else if (selector.ChildrenOf is { } parentRef)
        {
            var parentId = await ReferenceAsync(db, parentRef, branchUnitId, issuingUnitId, cancellationToken);
            units = units.Where(u => u.ParentId == parentId);
        }
        else if (selector.CounterpartsOf is { } ofRef)
        {
            var ofId = await ReferenceAsync(db, ofRef, branchUnitId, issuingUnitId, cancellationToken);
            var of = ofRef == Selector.Branch && ofId == branchUnitId && branchPlace is not null
                ? branchPlace
                : await PlaceAsync(db, ofId, cancellationToken);
            if (!of.IsNational)
            {
                return await CommuneCounterpartsAsync(db, selector, of, cancellationToken);
            }

            // A national body's counterparts are one level down: its pillar's unit in each of the 34 provinces.
            units = units.Where(u => u.Pillar == of.Pillar && u.Level == UnitLevel.Province && u.Kind == OrgUnitKind.PillarUnit);
        }
        else
        {
            // Pillars and levels alone ("the city's four pillars") mean those of the issuer's own province: with the
            // national list imported, another province's units are never a target unless named explicitly. A national
            // issuer's province is the whole country.
            var issuer = await PlaceAsync(db, issuingUnitId, cancellationToken);
            if (!issuer.IsNational)
            {
                // Filtered in the query: "the city's four pillars" are 4 of a province's hundreds of units.
                var inProvince = Provinces.LocalityIdsIn(db, issuer.ProvinceId);
                units = units.Where(u => inProvince.Contains(u.LocalityId));
            }
        }

        return await units.OrderBy(u => u.Code)
            .Select(u => new TargetUnit(u.Id, u.Code, u.Name, u.Pillar, u.Level, u.ParentId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Loads one unit as a target (the branch or lead unit of a task).</summary>
    public static Task<TargetUnit> UnitAsync(DirectiveFlowDbContext db, Guid unitId, CancellationToken cancellationToken) =>
        db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new TargetUnit(u.Id, u.Code, u.Name, u.Pillar, u.Level, u.ParentId))
            .SingleAsync(cancellationToken);

    private static List<string> InputCodes(JsonNode? node) => node switch
    {
        JsonArray array => array.OfType<JsonValue>().Select(v => v.ToString()).ToList(),
        JsonValue v => [v.ToString()],
        _ => [],
    };

    /// <summary>
    /// A province unit's counterparts: its pillar's commune units in its province, ordered by code. One query
    /// (<see cref="ProviderSql.UnitsInProvince"/>): each of the province's localities is looked up in the units'
    /// locality index, with the pillar, level and kind checked there. Written as LINQ, with the localities as a sub-select
    /// or a join, both databases' planners went by the (pillar, level) index through that pillar's commune units of the
    /// whole country (3,321 with the national list) instead; read as the localities first, then every unit on them, it
    /// cost two round trips and four times the rows.
    /// </summary>
    private static async Task<List<TargetUnit>> CommuneCounterpartsAsync(
        DirectiveFlowDbContext db, Selector selector, UnitPlace of, CancellationToken cancellationToken)
    {
        var values = new ProviderValues(db.Database.ProviderName);
        var units = await db.Units.FromSqlRaw(ProviderSql.For(db).UnitsInProvince, ProviderValues.Parameters(db.Database,
                ("@province", values.Id(of.ProvinceId)), ("@pillar", of.Pillar.ToString()), ("@level", nameof(UnitLevel.Commune)),
                ("@kind", nameof(OrgUnitKind.PillarUnit))))
            .AsNoTracking()
            .Select(u => new { Target = new TargetUnit(u.Id, u.Code, u.Name, u.Pillar, u.Level, u.ParentId), u.Kind, u.IsActive })
            .ToListAsync(cancellationToken);
        // The selector's own filters, with plain predicates (a LINQ query over the list would compile its expression
        // trees on every call).
        return units
            .Where(u => selector.Matches(u.IsActive, u.Target.Pillar, u.Target.Level, u.Kind))
            .Select(u => u.Target)
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<UnitPlace> PlaceAsync(DirectiveFlowDbContext db, Guid unitId, CancellationToken cancellationToken) =>
        await Provinces.PlaceOfAsync(db, unitId, cancellationToken) ?? throw new FlowFaultException(new ErrorMessage(ErrorCodes.FaultUnknownUnit, unitId));

    private static async Task<Guid> ReferenceAsync(
        DirectiveFlowDbContext db, string reference, Guid? branchUnitId, Guid issuingUnitId, CancellationToken cancellationToken)
    {
        switch (reference)
        {
            case Selector.Branch:
                return branchUnitId ?? issuingUnitId;
            case Selector.Issuer:
                return issuingUnitId;
            default:
                var id = await db.Units.AsNoTracking().Where(u => u.Code == reference).Select(u => (Guid?)u.Id)
                    .SingleOrDefaultAsync(cancellationToken);
                return id ?? throw new FlowFaultException(new ErrorMessage(ErrorCodes.FaultSelectorUnknownUnit, reference));
        }
    }
}
