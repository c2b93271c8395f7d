using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>Whether the directive <paramref name="Id"/> exists and <paramref name="Reader"/> may read it.</summary>
public sealed record DirectiveIsReadableQuery(Guid Id, DirectiveReader Reader) : IQuery<bool>;

public sealed class DirectiveIsReadableHandler(DirectiveFlowDbContext db) : IQueryHandler<DirectiveIsReadableQuery, bool>
{
    public async ValueTask<bool> Handle(DirectiveIsReadableQuery query, CancellationToken cancellationToken) =>
        await query.Reader.Filter(db, db.Directives).AnyAsync(d => d.Id == query.Id, cancellationToken);
}
