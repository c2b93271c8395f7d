using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Access;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Components.Inbox;

/// <summary>The directives offered in the inbox filter: those with a task the caller's units lead, assigned or support.</summary>
public sealed class InboxDirectiveOptions(DirectiveFlowDbContext db, TaskCallerResolver callers)
{
    private const int Limit = 200;

    public async Task<IReadOnlyList<DirectiveOption>> ListAsync(CancellationToken cancellationToken)
    {
        var caller = await callers.GetAsync(cancellationToken);
        var directives = db.Directives.AsNoTracking();
        if (!caller.ReadsEverything)
        {
            var visible = caller.VisibleUnitIds.ToList();
            directives = directives.Where(d => db.Tasks.Any(t => t.DirectiveId == d.Id
                && (visible.Contains(t.UnitId) || visible.Contains(t.AssignerUnitId)
                    || db.TaskSupportingUnits.Any(s => s.TaskId == t.Id && visible.Contains(s.UnitId)))));
        }

        return await directives.OrderByDescending(d => d.CreatedAt).Take(Limit)
            .Select(d => new DirectiveOption(d.Id, d.Number, d.Title))
            .ToListAsync(cancellationToken);
    }
}
