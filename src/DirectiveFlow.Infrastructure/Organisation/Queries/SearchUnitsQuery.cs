using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Organisation.Queries;

/// <summary>
/// Active units whose code or name contains <paramref name="Text"/> (all when empty), by level then code; with
/// <paramref name="InReachOf"/>, only those that issuer may give work (<see cref="Provinces"/>: its province's, anywhere
/// for a national body), so an item editor offers no unit the issue would refuse. A context per call: a studio
/// circuit's pickers may ask concurrently.
/// </summary>
public sealed record SearchUnitsQuery(string? Text, int Take, Guid? InReachOf = null) : IQuery<IReadOnlyList<UnitOption>>;

public sealed class SearchUnitsHandler(IDbContextFactory<DirectiveFlowDbContext> contexts) : IQueryHandler<SearchUnitsQuery, IReadOnlyList<UnitOption>>
{
    public async ValueTask<IReadOnlyList<UnitOption>> Handle(SearchUnitsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var units = db.Units.AsNoTracking().Where(u => u.IsActive);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            // Folded as the stored key is, so neither case nor diacritics have to match what the official types.
            var term = SearchText.Fold(query.Text.Trim());
            units = units.Where(u => u.SearchKey.Contains(term));
        }

        if (query.InReachOf is { } issuer && await Provinces.PlaceOfAsync(db, issuer, cancellationToken) is { IsNational: false } place)
        {
            var localities = Provinces.LocalityIdsIn(db, place.ProvinceId);
            units = units.Where(u => localities.Contains(u.LocalityId));
        }

        return await units.OrderBy(u => u.Level).ThenBy(u => u.Code).Take(query.Take)
            .Select(u => new UnitOption(u.Code, u.Name, u.Pillar, u.Level))
            .ToListAsync(cancellationToken);
    }
}
