using System.Linq.Expressions;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports.Ranking;

/// <summary>
/// How many times the units' tasks were chased: the scheduled steps the due-work sweep wrote to the outbox about them
/// (reminders, due-day and missing-report notices, escalations, raising to the leadership — one row per step and task,
/// unique by task and dedupe key, kept after sending, not those skipped), read for a few units through the outbox's
/// (TaskId, DedupeKey) index.
/// </summary>
public static class ChaseCounts
{
    public static async Task<Dictionary<Guid, int>> ReadAsync(
        DirectiveFlowDbContext db, IQueryable<UnitTask> tasks, IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken)
    {
        var units = unitIds.ToList();
        var rows = await (from t in tasks.AsNoTracking()
                          where units.Contains(t.UnitId)
                          join m in Sent(db) on (Guid?)t.Id equals m.TaskId
                          group m by t.UnitId into g
                          select new { UnitId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.UnitId, r => r.Count);
    }

    /// <summary>The chases of each of a few tasks (the weekly report's overdue list), counted the same way.</summary>
    public static async Task<Dictionary<Guid, int>> ReadForTasksAsync(DirectiveFlowDbContext db, IReadOnlyCollection<Guid> taskIds, CancellationToken cancellationToken)
    {
        var ids = taskIds.Select(id => (Guid?)id).ToList();
        var rows = await Sent(db).AsNoTracking().Where(m => ids.Contains(m.TaskId))
            .GroupBy(m => m.TaskId!.Value)
            .Select(g => new { TaskId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.TaskId, r => r.Count);
    }

    /// <summary>
    /// The chase rows not skipped: a chase of a task closed before it could go out (<see cref="ClosedTaskChases"/>) was
    /// never sent, and "đã đôn đốc N lần" counts emails the unit was sent (or is about to be).
    /// </summary>
    private static IQueryable<OutboxMessage> Sent(DirectiveFlowDbContext db) =>
        db.Outbox.Where(IsStep()).Where(m => m.Status != OutboxStatus.Skipped);

    /// <summary><c>m => m.DedupeKey.StartsWith("reminder:") || …</c> over <see cref="ChaseKeys.Prefixes"/>.</summary>
    private static Expression<Func<OutboxMessage, bool>> IsStep()
    {
        var m = Expression.Parameter(typeof(OutboxMessage), "m");
        var key = Expression.Property(m, nameof(OutboxMessage.DedupeKey));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        var any = ChaseKeys.Prefixes
            .Select(p => (Expression)Expression.Call(key, startsWith, Expression.Constant(p)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<OutboxMessage, bool>>(any, m);
    }
}
