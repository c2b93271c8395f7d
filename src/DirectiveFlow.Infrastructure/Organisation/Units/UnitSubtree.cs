using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Organisation.Units;

/// <summary>A unit and every unit below it, read level by level (what a unit head answers for).</summary>
public static class UnitSubtree
{
    public static async Task<HashSet<Guid>> ReadAsync(DirectiveFlowDbContext db, Guid root, CancellationToken cancellationToken)
    {
        var units = new HashSet<Guid> { root };
        await AddDescendantsAsync(db, root, units, cancellationToken);
        return units;
    }

    /// <summary>
    /// Adds the units below <paramref name="root"/> to <paramref name="into"/>: one query per level (the hierarchy is
    /// shallow: city → commune → sub-unit), and a cycle cannot loop forever because a unit already seen is never expanded again.
    /// </summary>
    public static async Task AddDescendantsAsync(DirectiveFlowDbContext db, Guid root, HashSet<Guid> into, CancellationToken cancellationToken)
    {
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
