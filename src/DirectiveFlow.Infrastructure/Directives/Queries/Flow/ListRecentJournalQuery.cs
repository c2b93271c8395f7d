using DirectiveFlow.Core.Journal;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries.Flow;

/// <summary>A directive's newest <paramref name="Take"/> journal entries, newest first, each with the person behind it.</summary>
public sealed record ListRecentJournalQuery(Guid DirectiveId, int Take) : IQuery<IReadOnlyList<RecentJournalEntry>>;

/// <summary>A journal entry and how its actor reads (<see cref="PersonNames.Name"/>; null for the system).</summary>
public sealed record RecentJournalEntry(JournalEntry Entry, string? ActorName);

public sealed class ListRecentJournalHandler(IDbContextFactory<DirectiveFlowDbContext> contexts) : IQueryHandler<ListRecentJournalQuery, IReadOnlyList<RecentJournalEntry>>
{
    public async ValueTask<IReadOnlyList<RecentJournalEntry>> Handle(ListRecentJournalQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.Journal.AsNoTracking().Where(j => j.DirectiveId == query.DirectiveId)
            .OrderByDescending(j => j.Id).Take(query.Take).ToListAsync(cancellationToken);
        var people = await PersonNames.LoadAsync(db, entries.Select(e => e.Actor), cancellationToken);
        return [.. entries.Select(e => new RecentJournalEntry(e, people.Name(e.Actor)))];
    }
}
