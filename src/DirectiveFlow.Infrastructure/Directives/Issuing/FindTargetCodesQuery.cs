using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Issuing;

/// <summary>
/// Which of <paramref name="Codes"/> exist: active unit codes, or commune (locality) codes when <paramref name="Localities"/>.
/// Lets the new-directive page tell a code that does not exist from one outside the flow's set, line by line.
/// </summary>
public sealed record FindTargetCodesQuery(IReadOnlyList<string> Codes, bool Localities) : IQuery<IReadOnlySet<string>>;

public sealed class FindTargetCodesHandler(DirectiveFlowDbContext db) : IQueryHandler<FindTargetCodesQuery, IReadOnlySet<string>>
{
    public async ValueTask<IReadOnlySet<string>> Handle(FindTargetCodesQuery query, CancellationToken cancellationToken) =>
        await KnownAsync(db, query.Codes, query.Localities, cancellationToken);

    /// <summary>The codes among <paramref name="codes"/> that exist (blank ones never do).</summary>
    public static async Task<HashSet<string>> KnownAsync(
        DirectiveFlowDbContext db, IEnumerable<string> codes, bool localities, CancellationToken cancellationToken)
    {
        var wanted = codes.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var all = localities ? db.Localities.Select(l => l.Code) : db.Units.Where(u => u.IsActive).Select(u => u.Code);
        return (await all.Where(c => wanted.Contains(c)).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }
}
