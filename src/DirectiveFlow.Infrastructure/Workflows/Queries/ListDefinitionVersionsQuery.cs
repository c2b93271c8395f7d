using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Workflows.Queries;

/// <summary>Every version of the definitions <paramref name="DefinitionIds"/>, newest first: the studio's version list.</summary>
public sealed record ListDefinitionVersionsQuery(IReadOnlyCollection<string> DefinitionIds) : IQuery<IReadOnlyList<DefinitionVersion>>;

public sealed class ListDefinitionVersionsHandler(DirectiveFlowDbContext db) : IQueryHandler<ListDefinitionVersionsQuery, IReadOnlyList<DefinitionVersion>>
{
    public async ValueTask<IReadOnlyList<DefinitionVersion>> Handle(ListDefinitionVersionsQuery query, CancellationToken cancellationToken)
    {
        var ids = query.DefinitionIds.ToList();
        var versions = await db.WorkflowDefinitions.AsNoTracking().Where(r => ids.Contains(r.DefinitionId))
            .Select(r => new DefinitionVersion(r.DefinitionId, r.Version, r.IsPublished, r.IsLatest, r.CreatedAt, r.PublishedAt, r.ConcurrencyStamp, r.PublishedBy, r.ChangeNote))
            .ToListAsync(cancellationToken);
        return versions.OrderBy(v => v.DefinitionId, StringComparer.Ordinal).ThenByDescending(v => v.Version).ToList();
    }
}
