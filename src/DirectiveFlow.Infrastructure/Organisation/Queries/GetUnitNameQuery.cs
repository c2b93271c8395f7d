using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Organisation.Queries;

/// <summary>
/// The name of the unit <paramref name="Id"/>, or null. Uses its own short-lived context because the layout asks
/// while the page below it may be querying the request's context.
/// </summary>
public sealed record GetUnitNameQuery(Guid Id) : IQuery<string?>;

public sealed class GetUnitNameHandler(IDbContextFactory<DirectiveFlowDbContext> contexts) : IQueryHandler<GetUnitNameQuery, string?>
{
    public async ValueTask<string?> Handle(GetUnitNameQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Units.AsNoTracking().Where(u => u.Id == query.Id).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
    }
}
