using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Access;

/// <summary>Builds the <see cref="TaskCaller"/> of the current request once (scoped), walking a head's sub-units level by level.</summary>
public sealed class TaskCallerResolver(ICurrentUser user, DirectiveFlowDbContext db)
{
    private TaskCaller? _caller;

    public async Task<TaskCaller> GetAsync(CancellationToken cancellationToken)
    {
        if (_caller is not null)
        {
            return _caller;
        }

        var roles = Roles.All.Where(user.IsInRole).ToHashSet(StringComparer.Ordinal);
        var visible = new HashSet<Guid>();
        if (user.UnitId is { } unitId)
        {
            visible.Add(unitId);
            if (roles.Contains(Roles.UnitHead))
            {
                await AddDescendantsAsync(unitId, visible, cancellationToken);
            }
        }

        _caller = new TaskCaller(user.IsAuthenticated ? user.UserName : "anonymous", user.UnitId, roles, visible);
        return _caller;
    }

    private async Task AddDescendantsAsync(Guid root, HashSet<Guid> into, CancellationToken cancellationToken)
    {
        // One query per level: the hierarchy is shallow (city → commune → sub-unit), and a cycle cannot loop forever
        // because a unit already seen is never expanded again.
        List<Guid> frontier = [root];
        while (frontier.Count > 0)
        {
            var parents = frontier;
            var children = await db.Units.AsNoTracking()
                .Where(u => u.ParentId != null && EF.Parameter(parents).Contains(u.ParentId.Value))
                .Select(u => u.Id)
                .ToListAsync(cancellationToken);
            frontier = children.Where(into.Add).ToList();
        }
    }
}
