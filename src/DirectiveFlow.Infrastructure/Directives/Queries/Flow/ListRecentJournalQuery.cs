using System.Security.Claims;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries.Flow;

/// <summary>
/// A directive's newest <paramref name="Take"/> journal entries, newest first, each with the person behind it; none
/// when <paramref name="Caller"/> may not read the directive (<see cref="DirectiveReader"/>).
/// </summary>
public sealed record ListRecentJournalQuery(Guid DirectiveId, int Take, ClaimsPrincipal Caller) : IQuery<IReadOnlyList<RecentJournalEntry>>;

/// <summary>A journal entry and how its actor reads (<see cref="PersonNames.Name"/>; null for the system).</summary>
public sealed record RecentJournalEntry(JournalEntry Entry, string? ActorName);

public sealed class ListRecentJournalHandler(IDbContextFactory<DirectiveFlowDbContext> contexts) : IQueryHandler<ListRecentJournalQuery, IReadOnlyList<RecentJournalEntry>>
{
    public async ValueTask<IReadOnlyList<RecentJournalEntry>> Handle(ListRecentJournalQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await DirectiveReader.ReadsAsync(db, query.Caller, query.DirectiveId, cancellationToken))
        {
            return [];
        }

        var entries = await db.Journal.AsNoTracking().Where(j => j.DirectiveId == query.DirectiveId)
            .OrderByDescending(j => j.Id).Take(query.Take).ToListAsync(cancellationToken);
        var people = await PersonNames.LoadAsync(db, entries.Select(e => e.Actor), cancellationToken);
        return [.. entries.Select(e => new RecentJournalEntry(e, people.Name(e.Actor)))];
    }
}
