using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>The directives offered in the inbox filter: those with a task the caller's units lead, assigned or support.</summary>
public sealed record ListInboxDirectiveOptionsQuery : IQuery<IReadOnlyList<DirectiveOption>>;

public sealed class ListInboxDirectiveOptionsHandler(DirectiveFlowDbContext db, TaskCallerResolver callers)
    : IQueryHandler<ListInboxDirectiveOptionsQuery, IReadOnlyList<DirectiveOption>>
{
    private const int Limit = 200;

    public async ValueTask<IReadOnlyList<DirectiveOption>> Handle(ListInboxDirectiveOptionsQuery query, CancellationToken cancellationToken)
    {
        var caller = await callers.GetAsync(cancellationToken);
        var directives = db.Directives.AsNoTracking();
        if (!caller.ReadsEverything)
        {
            var visible = caller.VisibleUnitIds.ToList();
            var own = directives.Where(d => db.Tasks.Any(t => t.DirectiveId == d.Id
                && (visible.Contains(t.UnitId) || visible.Contains(t.AssignerUnitId)
                    || db.TaskSupportingUnits.Any(s => s.TaskId == t.Id && visible.Contains(s.UnitId)))));
            directives = ObservedTasks.DirectiveIds(db, caller) is { } observed
                ? directives.Where(d => observed.Contains(d.Id) || own.Any(o => o.Id == d.Id))
                : own;
        }

        return await directives.OrderByDescending(d => d.CreatedAt).Take(Limit)
            .Select(d => new DirectiveOption(d.Id, d.Number, d.Title))
            .ToListAsync(cancellationToken);
    }
}
