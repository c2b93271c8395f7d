using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DirectiveFlow.Infrastructure.Persistence;

/// <summary>Letting go of what a context tracks, when the database no longer holds (or will never hold) it as tracked.</summary>
public static class TrackedChanges
{
    /// <summary>Detaches the entries <paramref name="which"/> picks.</summary>
    public static void Forget(this ChangeTracker tracker, Func<EntityEntry, bool> which)
    {
        foreach (var entry in tracker.Entries().Where(which).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>Detaches every pending addition, change and deletion: after a rollback, none of them may ride on the next save.</summary>
    public static void ForgetPending(this ChangeTracker tracker) =>
        tracker.Forget(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
}
