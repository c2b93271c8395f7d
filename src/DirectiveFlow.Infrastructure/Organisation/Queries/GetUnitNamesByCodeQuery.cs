using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Organisation.Queries;

/// <summary>The names of the units with <paramref name="Codes"/>, by code (unknown codes are left out).</summary>
public sealed record GetUnitNamesByCodeQuery(IReadOnlyCollection<string> Codes) : IQuery<IReadOnlyDictionary<string, string>>;

public sealed class GetUnitNamesByCodeHandler(IDbContextFactory<DirectiveFlowDbContext> contexts)
    : IQueryHandler<GetUnitNamesByCodeQuery, IReadOnlyDictionary<string, string>>
{
    public async ValueTask<IReadOnlyDictionary<string, string>> Handle(GetUnitNamesByCodeQuery query, CancellationToken cancellationToken)
    {
        if (query.Codes.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var codes = query.Codes;
        return await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken);
    }
}
