using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Notices;

/// <summary>
/// Who a directive's withdrawal tells besides the units leading its stopped tasks: one rule for the notices
/// (<see cref="WithdrawalNoticeWriter"/>) and for the confirmation that counts them before the withdrawal
/// (<c>CountOpenWorkQuery</c>), so the question asked never names other units than the emails reach.
/// </summary>
public static class WithdrawalRecipients
{
    /// <summary>
    /// The supporting units (phối hợp) of the <paramref name="stopped"/> tasks that have not given their contribution,
    /// each once with the first (lowest id) stopped task it supports, in that task's order; a unit that leads a stopped
    /// task is left out: its own email covers it. <paramref name="scope"/> narrows the read in SQL (by instance or
    /// directive, not by a list of thousands of ids) to tasks that include the stopped ones.
    /// </summary>
    public static async Task<List<(Guid UnitId, Guid TaskId)>> SupportingAsync(
        DirectiveFlowDbContext db, IQueryable<UnitTask> scope, IReadOnlyCollection<(Guid Id, Guid UnitId)> stopped, CancellationToken cancellationToken)
    {
        if (stopped.Count == 0)
        {
            return [];
        }

        var parts = await (
                from s in db.TaskSupportingUnits.AsNoTracking()
                join t in scope on s.TaskId equals t.Id
                where s.Contribution == null
                select new { s.TaskId, s.UnitId })
            .ToListAsync(cancellationToken);
        var stoppedIds = stopped.Select(t => t.Id).ToHashSet();
        var leads = stopped.Select(t => t.UnitId).ToHashSet();
        return [.. parts.Where(p => stoppedIds.Contains(p.TaskId) && !leads.Contains(p.UnitId))
            .GroupBy(p => p.UnitId)
            .Select(g => (UnitId: g.Key, TaskId: g.Min(p => p.TaskId)))
            .OrderBy(p => p.TaskId)];
    }
}
