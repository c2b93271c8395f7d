using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives.Items;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Organisation;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Items;

/// <summary>
/// The items a pasted conclusion proposes (issue 17 §3), matched against the active units of the caller's province
/// (<paramref name="CallerUnitId"/>'s; without a unit, the only province, or every unit when there are several).
/// Nothing is written: the issuer confirms the rows before anything is issued.
/// </summary>
public sealed record ParseItemsQuery(string? Text, Guid? CallerUnitId) : IQuery<ParsedItems>;

/// <summary>The proposals, in the document's order.</summary>
public sealed record ParsedItems(IReadOnlyList<ProposedItem> Items);

public sealed class ParseItemsHandler(DirectiveFlowDbContext db) : IQueryHandler<ParseItemsQuery, ParsedItems>
{
    /// <summary>The longest text accepted, in characters.</summary>
    public const int MaxTextLength = 50_000;

    public async ValueTask<ParsedItems> Handle(ParseItemsQuery query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            throw Refused(new ErrorMessage(ErrorCodes.ParseItemsTextRequired));
        }

        if (query.Text.Length > MaxTextLength)
        {
            throw Refused(new ErrorMessage(ErrorCodes.ParseItemsTextTooLong, MaxTextLength, query.Text.Length));
        }

        var parser = new ConclusionParser(await UnitsAsync(query.CallerUnitId, cancellationToken));
        return new ParsedItems(parser.Parse(query.Text));
    }

    private static ProblemException Refused(ErrorMessage message) =>
        new(ProblemKind.Invalid, message, new Dictionary<string, ErrorMessage[]> { ["text"] = [message] });

    private async Task<List<ParseUnit>> UnitsAsync(Guid? callerUnitId, CancellationToken cancellationToken)
    {
        // A national caller names units anywhere in the country: no province narrows its names.
        var place = callerUnitId is { } unitId ? await Provinces.PlaceOfAsync(db, unitId, cancellationToken) : null;
        var national = place is { IsNational: true };
        var provinceId = national ? null : place?.ProvinceId;
        if (provinceId is null && !national)
        {
            var provinces = await db.Localities.AsNoTracking().Where(l => l.ParentId == null).Select(l => l.Id).Take(2).ToListAsync(cancellationToken);
            provinceId = provinces.Count == 1 ? provinces[0] : null;
        }

        var units = db.Units.AsNoTracking().Where(u => u.IsActive);
        if (provinceId is { } province)
        {
            var inProvince = Provinces.UnitIdsIn(db, province);
            units = units.Where(u => inProvince.Contains(u.Id));
        }

        var rows = await (from unit in units
                          join locality in db.Localities.AsNoTracking() on unit.LocalityId equals locality.Id
                          orderby unit.Code
                          select new { unit.Code, unit.Name, unit.Level, unit.Pillar, Locality = locality.Name, locality.Type })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ParseUnit(r.Code, r.Name, r.Level, r.Pillar, r.Locality,
            r.Type == LocalityType.Province ? "" : LocalityNames.KindOf(r.Type), [])).ToList();
    }
}
