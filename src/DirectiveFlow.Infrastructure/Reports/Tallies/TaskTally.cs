
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Persistence.Sql;
namespace DirectiveFlow.Infrastructure.Reports.Tallies;

/// <summary>
/// How many counted tasks (<see cref="ReportTasks.All"/>: no re-cascade) share one key: what the leadership views group
/// and filter on, and nothing that depends on "now". The categories are still taken at the time of asking, from the
/// key (<see cref="TallyBucket"/>, <see cref="DueAt"/>, <see cref="CreatedAt"/>, the completion week) by the one
/// definition in <see cref="TaskCategories"/>. Kept by database triggers on "Tasks" (every writer, in the writer's own
/// transaction, as an atomic count ± n); never written by the application. See <see cref="TaskTallySql"/>.
/// </summary>
public sealed class TaskTally
{
    public Guid DirectiveId { get; set; }

    /// <summary>The lead unit's pillar.</summary>
    public Pillar Pillar { get; set; }

    /// <summary>The lead unit's level.</summary>
    public UnitLevel Level { get; set; }

    /// <summary>The code of the lead unit's province: its locality's parent, or its locality when that has none.</summary>
    public required string ProvinceCode { get; set; }

    public TallyBucket Bucket { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>When the task was written (a cascade's tasks share it).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Monday 00:00 in Asia/Ho_Chi_Minh of the week of CompletedAt; <see cref="NoCompletion"/> when there is none.</summary>
    public DateTimeOffset CompletedWeek { get; set; }

    /// <summary>Whether CompletedAt is exactly <see cref="CompletedWeek"/> (completed by that instant, not only in that week).</summary>
    public bool CompletedAtWeekStart { get; set; }

    public int Count { get; set; }

    /// <summary>The completion week of a task with no completion time.</summary>
    public static DateTimeOffset NoCompletion { get; } = new(1, 1, 1, 0, 0, 0, TimeSpan.Zero);
}

/// <summary>What a tally row's tasks are now, as far as the categories need: the status class and, once completed, on time or not.</summary>
public enum TallyBucket
{
    /// <summary>Open, still Assigned (not acknowledged).</summary>
    Assigned = 0,

    /// <summary>Open and acknowledged (any other open status).</summary>
    Open = 1,

    /// <summary>Completed, submitted no later than DueAt.</summary>
    CompletedOnTime = 2,

    /// <summary>Completed after DueAt or with no completion time.</summary>
    CompletedLate = 3,

    Cancelled = 4,
}
