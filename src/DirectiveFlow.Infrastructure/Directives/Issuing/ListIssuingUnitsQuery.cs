using System.Security.Claims;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Issuing;

/// <summary>The units <paramref name="Caller"/> may issue for (<see cref="IssueRule"/>), city level first, then by code.</summary>
public sealed record ListIssuingUnitsQuery(ClaimsPrincipal Caller) : IQuery<IReadOnlyList<IssuingUnit>>;

public sealed class ListIssuingUnitsHandler(DirectiveFlowDbContext db) : IQueryHandler<ListIssuingUnitsQuery, IReadOnlyList<IssuingUnit>>
{
    public async ValueTask<IReadOnlyList<IssuingUnit>> Handle(ListIssuingUnitsQuery query, CancellationToken cancellationToken) =>
        await IssueRule.UnitsFor(db, query.Caller).AsNoTracking()
            .OrderBy(u => u.Level).ThenBy(u => u.Code)
            .Select(u => new IssuingUnit(u.Id, u.Code, u.Name))
            .ToListAsync(cancellationToken);
}
