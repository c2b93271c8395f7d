using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Reports.Overview;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports.Tallies;

/// <summary>
/// The overview's categories and trend from <see cref="TaskTally"/> rows instead of the tasks: the rows of the scope and
/// filter are summed per key in the database (a few thousand), and each sum is put in its categories at the time of
/// asking by the in-memory twins of <see cref="TaskCategories"/>, applied to a task standing for the row. Exact for
/// what the key holds: every directive-wide scope, the period, issuing unit, priority, document-type and pillar filters
/// (the directive filters select directive ids), and a
/// province's locality code. A unit head's sub-tree and a commune's code are not in the key: <see cref="CanAnswerAsync"/>
/// says no, and the overview counts the tasks.
/// </summary>
public static class TallyReader
{
    /// <summary>Whether the tallies answer <paramref name="scope"/> and <paramref name="filter"/> exactly.</summary>
    public static async Task<bool> CanAnswerAsync(DirectiveFlowDbContext db, ReportScope scope, ReportFilter filter, CancellationToken cancellationToken) =>
        scope.UnitIds is null
        && (string.IsNullOrEmpty(filter.LocalityCode)
            || await db.Localities.AnyAsync(l => l.Code == filter.LocalityCode && l.ParentId == null, cancellationToken));

    /// <summary>The tally rows of the tasks <see cref="ReportTasks.Select"/> would select (check <see cref="CanAnswerAsync"/> first).</summary>
    public static IQueryable<TaskTally> Select(DirectiveFlowDbContext db, ReportScope scope, ReportFilter filter)
    {
        var tallies = db.TaskTallies.AsNoTracking();
        if (scope.ReadableDirectives(db) is { } readable)
        {
            tallies = tallies.Where(t => readable.Contains(t.DirectiveId));
        }

        if (ReportTasks.Directives(db, filter) is { } directives)
        {
            var ids = directives.Select(d => d.Id);
            tallies = tallies.Where(t => ids.Contains(t.DirectiveId));
        }

        if (filter.Pillar is { } pillar)
        {
            tallies = tallies.Where(t => t.Pillar == pillar);
        }

        if (filter.LocalityCode is { Length: > 0 } code)
        {
            tallies = tallies.Where(t => t.ProvinceCode == code);
        }

        return tallies;
    }

    /// <summary>The categories per (pillar, level) of the lead units.</summary>
    public static async Task<Dictionary<(Pillar Pillar, UnitLevel Level), TaskCategoryCounts>> CellsAsync(
        IQueryable<TaskTally> tallies, CategoryTime time, CancellationToken cancellationToken)
    {
        var rows = await tallies
            .GroupBy(t => new { t.Pillar, t.Level, t.Bucket, t.DueAt })
            .Select(g => new { g.Key.Pillar, g.Key.Level, g.Key.Bucket, g.Key.DueAt, Count = g.Sum(t => t.Count) })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => (r.Pillar, r.Level))
            .ToDictionary(g => g.Key, g => TaskCategoryCounts.Sum(g.Select(r => CountsOf(Stand(r.Bucket, r.DueAt, r.Bucket == TallyBucket.CompletedOnTime ? r.DueAt : null), r.Count, time))));
    }

    /// <summary>
    /// The 12-week trend (as <see cref="TrendReader"/>) from the tallies. The key holds CreatedAt and DueAt exactly and
    /// CompletedAt as its week's Monday (and whether it is exactly that instant), which places every completion before,
    /// in or after each whole week. Only the current week's cut (<paramref name="end"/>) can fall inside a completion
    /// week: the tasks completed during the last week are counted from <paramref name="tasks"/> for it (an index range).
    /// </summary>
    public static async Task<List<TrendWeek>> TrendAsync(
        IQueryable<TaskTally> tallies, IQueryable<UnitTask> tasks, DateTimeOffset end, CategoryTime time, CancellationToken cancellationToken)
    {
        var weeks = TrendReader.WeeksUpTo(end);
        var rows = await tallies
            .GroupBy(t => new { t.Bucket, t.DueAt, t.CreatedAt, t.CompletedWeek, t.CompletedAtWeekStart })
            .Select(g => new { g.Key.Bucket, g.Key.DueAt, g.Key.CreatedAt, g.Key.CompletedWeek, g.Key.CompletedAtWeekStart, Count = g.Sum(t => t.Count) })
            .ToListAsync(cancellationToken);

        var last = weeks[^1];
        var lastWeekEnd = last.Start.AddDays(7);
        var recent = TrendReader.Predicates(last.Start, last.Cut, time)[1..];
        var recentCounts = await tasks.AsNoTracking()
            .Where(t => t.CompletedAt >= last.Start && t.CompletedAt < lastWeekEnd)
            .GroupBy(_ => 1).Select(TaskCategoryQueries.CountEach<int>(recent))
            .FirstOrDefaultAsync(cancellationToken) ?? new int[recent.Length];

        var trend = new List<TrendWeek>();
        foreach (var week in weeks)
        {
            var isLast = week == last;
            int opened = 0, onTime = 0, late = 0, overdue = 0;
            foreach (var r in rows)
            {
                var undecided = isLast && r.CompletedWeek == last.Start;
                var completedIn = r.CompletedWeek == week.Start;
                var task = Stand(r.Bucket, r.DueAt, CompletedRelativeTo(week.Cut, r.CompletedWeek, r.CompletedAtWeekStart));
                task.CreatedAt = r.CreatedAt;
                opened += task.IsCounted() && task.CreatedAt >= week.Start && task.CreatedAt < week.Cut ? r.Count : 0;
                onTime += !undecided && completedIn && r.Bucket == TallyBucket.CompletedOnTime ? r.Count : 0;
                late += !undecided && completedIn && r.Bucket == TallyBucket.CompletedLate ? r.Count : 0;
                overdue += !undecided && task.WasOverdueAt(week.Cut) ? r.Count : 0;
            }

            if (isLast)
            {
                onTime += recentCounts[0];
                late += recentCounts[1];
                overdue += recentCounts[2];
            }

            trend.Add(new TrendWeek(week.Monday, opened, onTime, late, overdue));
        }

        return trend;
    }

    /// <summary>
    /// A completion time that compares with <paramref name="cut"/> as the row's tasks' do: null when none is on record,
    /// the cut itself when they were completed by then, just after it otherwise.
    /// </summary>
    private static DateTimeOffset? CompletedRelativeTo(DateTimeOffset cut, DateTimeOffset week, bool atWeekStart) =>
        week == TaskTally.NoCompletion ? null
        : week < cut || (week == cut && atWeekStart) ? cut
        : cut.AddTicks(1);

    /// <summary>A task standing for a tally row: the bucket's status, its deadline, and <paramref name="completedAt"/>.</summary>
    private static UnitTask Stand(TallyBucket bucket, DateTimeOffset dueAt, DateTimeOffset? completedAt) => new()
    {
        ActivityId = "",
        Title = "",
        Status = bucket switch
        {
            TallyBucket.Assigned => UnitTaskStatus.Assigned,
            TallyBucket.Open => UnitTaskStatus.InProgress,
            TallyBucket.Cancelled => UnitTaskStatus.Cancelled,
            _ => UnitTaskStatus.Completed,
        },
        DueAt = dueAt,
        CompletedAt = completedAt,
    };

    private static TaskCategoryCounts CountsOf(UnitTask task, int count, CategoryTime time)
    {
        if (!task.IsCounted())
        {
            return TaskCategoryCounts.Empty;
        }

        int In(TaskCategory category) => task.Is(category, time) ? count : 0;
        return new TaskCategoryCounts(
            count, In(TaskCategory.CompletedOnTime), In(TaskCategory.CompletedLate), In(TaskCategory.OpenWithinDeadline), In(TaskCategory.OpenOverdue),
            task.IsDueSoon(time) ? count : 0, task.IsNotAcknowledged() ? count : 0);
    }
}
