using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Organisation.Queries;

/// <summary>Whether a locality has the code <paramref name="Code"/>.</summary>
public sealed record LocalityExistsQuery(string Code) : IQuery<bool>;

public sealed class LocalityExistsHandler(DirectiveFlowDbContext db) : IQueryHandler<LocalityExistsQuery, bool>
{
    public async ValueTask<bool> Handle(LocalityExistsQuery query, CancellationToken cancellationToken) =>
        await db.Localities.AnyAsync(l => l.Code == query.Code, cancellationToken);
}
