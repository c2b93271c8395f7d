using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>A readable task's history from the journal, oldest first.</summary>
public sealed record GetTaskJournalQuery(Guid TaskId, PageRequest Page) : IQuery<PagedResult<JournalEntryDto>>;

public sealed class GetTaskJournalHandler(DirectiveFlowDbContext db, TaskReadAccess access)
    : IQueryHandler<GetTaskJournalQuery, PagedResult<JournalEntryDto>>
{
    public async ValueTask<PagedResult<JournalEntryDto>> Handle(GetTaskJournalQuery query, CancellationToken cancellationToken)
    {
        await access.LoadAsync(query.TaskId, cancellationToken);
        var entries = db.Journal.AsNoTracking().Where(j => j.TaskId == query.TaskId);
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.OrderBy(j => j.At).ThenBy(j => j.Id)
            .Skip(query.Page.Skip).Take(query.Page.PageSize)
            .Select(j => new JournalEntryDto(j.Id, j.At, j.Actor, j.Action, j.Detail))
            .ToListAsync(cancellationToken);
        return new PagedResult<JournalEntryDto>(items, total, query.Page.Page, query.Page.PageSize);
    }
}
