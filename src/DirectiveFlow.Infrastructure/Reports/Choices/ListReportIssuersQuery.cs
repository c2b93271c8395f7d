using DirectiveFlow.Infrastructure.Directives.Issuing;
using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports.Choices;

/// <summary>
/// The units that issued the directives the current caller may read (<see cref="DirectiveReader"/>), by code: what a
/// leadership page's issuer filter offers.
/// </summary>
public sealed record ListReportIssuersQuery : IQuery<IReadOnlyList<IssuingUnit>>;

public sealed class ListReportIssuersHandler(DirectiveFlowDbContext db, ICurrentUser user) : IQueryHandler<ListReportIssuersQuery, IReadOnlyList<IssuingUnit>>
{
    public async ValueTask<IReadOnlyList<IssuingUnit>> Handle(ListReportIssuersQuery query, CancellationToken cancellationToken)
    {
        var reader = await DirectiveReader.ForAsync(db, user, cancellationToken);
        var issuers = reader.Filter(db, db.Directives).Select(d => d.IssuingUnitId).Distinct();
        var units = await db.Units.AsNoTracking().Where(u => issuers.Contains(u.Id))
            .Select(u => new IssuingUnit(u.Id, u.Code, u.Name)).ToListAsync(cancellationToken);
        return units.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }
}
