using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>A directive's journal in the order it was written.</summary>
public sealed record ListDirectiveJournalQuery(Guid DirectiveId, PageRequest Page) : IQuery<PagedResult<JournalEntryItem>>;

public sealed class ListDirectiveJournalHandler(DirectiveFlowDbContext db) : IQueryHandler<ListDirectiveJournalQuery, PagedResult<JournalEntryItem>>
{
    public async ValueTask<PagedResult<JournalEntryItem>> Handle(ListDirectiveJournalQuery query, CancellationToken cancellationToken)
    {
        var entries = db.Journal.AsNoTracking().Where(j => j.DirectiveId == query.DirectiveId);
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.OrderBy(j => j.Id)
            .Skip(query.Page.Skip).Take(query.Page.PageSize)
            .Select(j => new JournalEntryItem(j.Id, j.At, j.Actor, j.Action, j.Detail, j.TaskId, j.ActivityId))
            .ToListAsync(cancellationToken);
        var people = await PersonNames.LoadAsync(db, items.Select(i => i.Actor), cancellationToken);
        items = [.. items.Select(i => i with { ActorName = people.Name(i.Actor) })];
        return new PagedResult<JournalEntryItem>(items, total, query.Page.Page, query.Page.PageSize);
    }
}
