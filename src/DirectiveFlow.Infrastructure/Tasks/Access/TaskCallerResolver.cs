using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Persistence;

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
                await UnitSubtree.AddDescendantsAsync(db, unitId, visible, cancellationToken);
            }
        }

        // An observer reads the tasks of the directives she reads: those of her province, or all for the whole country.
        var observed = roles.Contains(Roles.Observer) && !roles.Contains(Roles.Administrator)
            ? await Provinces.ReadingScopeAsync(db, administrator: false, user.UnitId, cancellationToken)
            : null;
        _caller = new TaskCaller(user.IsAuthenticated ? user.UserName : "anonymous", user.UnitId, roles, visible, observed);
        return _caller;
    }
}
