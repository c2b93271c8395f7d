using DirectiveFlow.Infrastructure.Organisation.Units;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Access;

/// <summary>
/// The tasks an observer of a provincial unit reads beyond her own unit's: those of the directives issued within her
/// province, the directives her directive-wide views show (DirectiveReader) — a Đà Nẵng observer reads none of Hà Nội's.
/// </summary>
public static class ObservedTasks
{
    /// <summary>The ids of the directives whose tasks <paramref name="caller"/> observes; null when she observes none by province.</summary>
    public static IQueryable<Guid>? DirectiveIds(DirectiveFlowDbContext db, TaskCaller caller) =>
        caller.ObservedProvinceId is { } province && !caller.ReadsEverything
            ? Provinces.IssuedIn(db, db.Directives, province).Select(d => d.Id)
            : null;

    /// <summary>Whether the caller observes the task of <paramref name="directiveId"/> by province.</summary>
    public static async Task<bool> ObservesAsync(DirectiveFlowDbContext db, TaskCaller caller, Guid directiveId, CancellationToken cancellationToken) =>
        DirectiveIds(db, caller) is { } observed && await observed.ContainsAsync(directiveId, cancellationToken);
}
