using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>Extension requests on tasks the caller's unit assigned (all for administrators and observers of the whole country, her province's directives' for a provincial observer), oldest first.</summary>
public sealed record ListExtensionRequestsQuery(ExtensionRequestStatus? Status, PageRequest Page) : IQuery<PagedResult<ExtensionRequestItemDto>>;

public sealed class ListExtensionRequestsHandler(DirectiveFlowDbContext db, TaskCallerResolver callers)
    : IQueryHandler<ListExtensionRequestsQuery, PagedResult<ExtensionRequestItemDto>>
{
    public async ValueTask<PagedResult<ExtensionRequestItemDto>> Handle(ListExtensionRequestsQuery query, CancellationToken cancellationToken)
    {
        var caller = await callers.GetAsync(cancellationToken);
        var rows = from r in db.ExtensionRequests
                   join t in db.Tasks on r.TaskId equals t.Id
                   join u in db.Units on t.UnitId equals u.Id
                   select new { r, t, u };
        if (!caller.ReadsEverything)
        {
            var unit = caller.ActsForUnit ? caller.UnitId : null;
            rows = ObservedTasks.DirectiveIds(db, caller) is { } observed
                ? rows.Where(x => x.t.AssignerUnitId == unit || observed.Contains(x.t.DirectiveId))
                : rows.Where(x => x.t.AssignerUnitId == unit);
        }

        rows = query.Status switch
        {
            null => rows,
            ExtensionRequestStatus.Requested => rows.Where(x => x.r.Status == ExtensionRequestStatus.Requested
                && x.t.Status != UnitTaskStatus.Completed && x.t.Status != UnitTaskStatus.Cancelled),
            ExtensionRequestStatus.Superseded => rows.Where(x => x.r.Status == ExtensionRequestStatus.Superseded
                || (x.r.Status == ExtensionRequestStatus.Requested
                    && (x.t.Status == UnitTaskStatus.Completed || x.t.Status == UnitTaskStatus.Cancelled))),
            { } status => rows.Where(x => x.r.Status == status),
        };

        var total = await rows.CountAsync(cancellationToken);
        var items = await rows
            .OrderBy(x => x.r.RequestedAt).ThenBy(x => x.r.Id)
            .Skip(query.Page.Skip).Take(query.Page.PageSize)
            .Select(x => new ExtensionRequestItemDto(
                x.r.Id, x.t.Id, x.t.Title, x.u.Id, x.u.Code, x.u.Name, ExtensionStatusView.Of(x.r.Status, x.t.Status), x.r.AdditionalWorkingDays, x.r.RequestedDueAt,
                x.r.PreviousDueAt, x.t.OriginalDueAt, x.r.Reason, x.r.RequestedAt, x.r.RequestedBy, x.r.DecidedAt, x.r.DecidedBy, x.r.DecisionComment))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var people = await PersonNames.LoadAsync(db, items.SelectMany(i => new[] { i.RequestedBy, i.DecidedBy }), cancellationToken);
        items = [.. items.Select(i => i with { RequestedByName = people.Name(i.RequestedBy), DecidedByName = people.Name(i.DecidedBy) })];
        return new PagedResult<ExtensionRequestItemDto>(items, total, query.Page.Page, query.Page.PageSize);
    }
}
