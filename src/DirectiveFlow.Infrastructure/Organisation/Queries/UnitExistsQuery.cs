using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Organisation.Queries;

/// <summary>Whether a unit with <paramref name="Id"/> exists (active or not).</summary>
public sealed record UnitExistsQuery(Guid Id) : IQuery<bool>;

public sealed class UnitExistsHandler(DirectiveFlowDbContext db) : IQueryHandler<UnitExistsQuery, bool>
{
    public async ValueTask<bool> Handle(UnitExistsQuery query, CancellationToken cancellationToken) =>
        await db.Units.AnyAsync(u => u.Id == query.Id, cancellationToken);
}
