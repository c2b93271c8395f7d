using DirectiveFlow.Core.Journal;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries.Flow;

/// <summary>A directive's newest <paramref name="Take"/> journal entries, newest first.</summary>
public sealed record ListRecentJournalQuery(Guid DirectiveId, int Take) : IQuery<IReadOnlyList<JournalEntry>>;

public sealed class ListRecentJournalHandler(IDbContextFactory<DirectiveFlowDbContext> contexts) : IQueryHandler<ListRecentJournalQuery, IReadOnlyList<JournalEntry>>
{
    public async ValueTask<IReadOnlyList<JournalEntry>> Handle(ListRecentJournalQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Journal.AsNoTracking().Where(j => j.DirectiveId == query.DirectiveId)
            .OrderByDescending(j => j.Id).Take(query.Take).ToListAsync(cancellationToken);
    }
}
