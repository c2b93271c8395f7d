using System.ComponentModel.DataAnnotations;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Infrastructure.Configuration;

namespace DirectiveFlow.Infrastructure.Scheduling;

/// <summary>The "Scheduling" section: the recurring jobs' cron schedules (in <see cref="TimeZone"/>) and clustering.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Runs Quartz at all (tests and tools switch it off and call the services directly).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Takes part in a Quartz cluster with every node on the same database.</summary>
    public bool Clustered { get; set; }

    [Required]

    public string TimeZone { get; set; } = VietnamTime.ZoneId;

    [CronExpression]

    public string SweepCron { get; set; } = "0 * * * * ?";

    /// <summary>07:30 every day; the job itself skips non-working days through the calendar (make-up Saturdays included).</summary>
    [CronExpression]
    public string DigestCron { get; set; } = "0 30 7 * * ?";

    /// <summary>
    /// 08:00 every day; the job skips days off (make-up Saturdays included) and writes only the summaries still owed, so
    /// a week's summary goes on its first working day, or the next one the job runs on.
    /// </summary>
    [CronExpression]
    public string WeeklyCron { get; set; } = "0 0 8 * * ?";

    /// <summary>The weekly report's files attached to the weekly summary email: "xlsx", "pdf", both (the default) or none ("").</summary>
    public string WeeklyReportAttachments { get; set; } = "xlsx,pdf";

    [CronExpression]

    public string OutboxCron { get; set; } = "0/15 * * * * ?";

    [Range(1, 100_000)]

    public int SweepPageSize { get; set; } = 500;

    /// <summary>
    /// Due tasks that would all be decided alike (a <see cref="Sweep.UniformDueGroup"/>) are swept set-based when at least
    /// this many share a group, on SQLite and PostgreSQL; smaller groups, and SQL Server, go in pages. 0 turns it off.
    /// (The name, a configuration key, predates "group".)
    /// </summary>
    [Range(0, int.MaxValue)]
    public int SetBasedClassMinimum { get; set; } = 32;
}
