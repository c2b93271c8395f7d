using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Email;

/// <summary>The ids of the tasks, directives and units in the database, to check the id a link names.</summary>
public sealed class KnownIds(IReadOnlySet<Guid> tasks, IReadOnlySet<Guid> directives, IReadOnlySet<Guid> units)
{
    public static async Task<KnownIds> ReadAsync(DirectiveFlowDbContext db, CancellationToken cancellationToken) => new(
        (await db.Tasks.Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet(),
        (await db.Directives.Select(d => d.Id).ToListAsync(cancellationToken)).ToHashSet(),
        (await db.Units.Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet());

    /// <summary>
    /// Whether <paramref name="id"/>, named by a link to <paramref name="route"/>, exists: a task under /tasks, a
    /// directive under /directives, a unit under a /units path, and any of them elsewhere.
    /// </summary>
    public bool Exists(string route, Guid id) => route switch
    {
        _ when route.StartsWith("/tasks", StringComparison.OrdinalIgnoreCase) => tasks.Contains(id),
        _ when route.StartsWith("/directives", StringComparison.OrdinalIgnoreCase) => directives.Contains(id),
        _ when route.Contains("/units", StringComparison.OrdinalIgnoreCase) => units.Contains(id),
        _ => tasks.Contains(id) || directives.Contains(id) || units.Contains(id),
    };
}
