using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Addressing;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Reports;
using DirectiveFlow.Infrastructure.Reports.Weekly;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DirectiveFlow.Infrastructure.Scheduling.Digests;

/// <summary>
/// The weekly summary to the leadership about each week just ended: one email per unit head — an issuing unit's about
/// the directives it issued, any other head's about the unit and the units below it (<see cref="WeeklyReportAudience"/>)
/// — with that scope's weekly report (<see cref="GetWeeklyReportQuery"/>): the totals, the ten units most behind, the
/// first overdue tasks, and the report's .xlsx and PDF attached when sent (<see cref="WeeklyReportAttachments"/>).
/// It runs on every working day and writes what is still owed, so a summary is not lost when its first working day
/// is missed (the node was down) or falls in a later week (a Tết week with no working day): on a working day the weeks
/// due are the week before this one and, behind it, each week followed only by days off (<see cref="WeeksDue"/>).
/// Each email is written on its own, exactly once per recipient and week by its dedupe key
/// <c>weekly:issuer|unit:{unitId}:{ISO week after the reported one}</c> (the week it is normally sent in, as the key has
/// always read, so rows written before this catch-up still count); one recipient failing is logged and leaves the others.
/// No long transaction holds the database.
/// </summary>
public sealed class WeeklySummaryService(
    DirectiveFlowDbContext db, IWorkingDayCalendar calendar, OutboxWriter outbox, OutboxOptions options, SchedulingOptions scheduling, ISender sender,
    ILogger<WeeklySummaryService> logger)
{
    public const int UnitsNamed = 10;
    public const int OverdueListed = 20;

    /// <summary>Writes the summaries still owed on the working day of <paramref name="now"/>; answers how many were new (0 on a day off).</summary>
    public async Task<int> SendAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var today = VietnamTime.DateOf(now);
        var weeks = WeeksDue(today);
        if (weeks.Count == 0)
        {
            return 0;
        }

        var formats = scheduling.WeeklyReportAttachments.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var written = 0;
        var recipients = await RecipientsAsync(cancellationToken);
        foreach (var week in weeks)
        {
            foreach (var recipient in recipients)
            {
                try
                {
                    written += await WriteAsync(week, recipient, formats, cancellationToken) ? 1 : 0;
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The next working day's run tries this one again (its key is not written); the others go now.
                    logger.LogError(e, "Weekly summary of {Week} for unit {UnitId} ({Audience}) not written", week, recipient.UnitId, recipient.Audience);
                }
            }
        }

        return written;
    }

    /// <summary>
    /// The weeks whose summary is due by <paramref name="today"/> and not before this week: none on a day off; else the
    /// week before this one and, while the week after it had no working day at all, the week before that (at most
    /// four weeks back). A summary written on an earlier working day of this week is not written again (its key).
    /// </summary>
    public IReadOnlyList<IsoWeek> WeeksDue(DateOnly today)
    {
        if (!calendar.IsWorkingDay(today))
        {
            return [];
        }

        var weeks = new List<IsoWeek> { IsoWeek.Of(today).Previous };
        while (weeks.Count < 4 && !HasWorkingDay(weeks[^1]))
        {
            weeks.Add(weeks[^1].Previous);
        }

        weeks.Reverse();
        return weeks;
    }

    /// <summary>The email of <paramref name="week"/> to one recipient, unless it was written already or its report is empty.</summary>
    private async Task<bool> WriteAsync(
        IsoWeek week, (Guid UnitId, string Audience, string Name, IReadOnlyList<string> To) recipient, string[] formats, CancellationToken cancellationToken)
    {
        var (unitId, audience, name, to) = recipient;
        var key = $"weekly:{audience}:{unitId:N}:{IsoWeek.Of(week.Monday.AddDays(7))}";
        if (await db.Outbox.AsNoTracking().AnyAsync(m => m.TaskId == null && m.DedupeKey == key, cancellationToken))
        {
            return false;
        }

        var report = await sender.Send(await WeeklyReportAudience.QueryAsync(db, audience, unitId, week, cancellationToken), cancellationToken);
        if (report.Totals.Total == 0 && report.Totals.NotYetReached == 0)
        {
            return false;
        }

        var model = WeeklySummaryModel.Of(report, name, new EffectMessages(options.BaseUrl, calendar), options.BaseUrl, UnitsNamed, OverdueListed,
            new { week = week.ToString(), unitId, audience, formats });
        return await outbox.TryInsertAsync(db, OutboxEmail.FromTemplate(key, to, EmailTemplates.WeeklySummary, model), cancellationToken);
    }

    /// <summary>
    /// The heads (<see cref="MailRecipients.Head"/>: the head's address, else the unit's officers) of the issuing units,
    /// as issuers, and of the other units with counted tasks in their subtree; a unit no one can receive for is skipped.
    /// </summary>
    private async Task<List<(Guid UnitId, string Audience, string Name, IReadOnlyList<string> To)>> RecipientsAsync(CancellationToken cancellationToken)
    {
        var issuers = (await db.Directives.AsNoTracking().Select(d => d.IssuingUnitId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var withTasks = await ReportTasks.All(db).Where(t => t.Status != UnitTaskStatus.Cancelled).Select(t => t.UnitId).Distinct().ToListAsync(cancellationToken);
        var parentOf = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, cancellationToken);
        var answering = new HashSet<Guid>();
        foreach (var id in withTasks)
        {
            // The unit and every unit above it answer for the task; a unit already seen has had its ancestors added.
            for (Guid? at = id; at is { } unit && answering.Add(unit);)
            {
                at = parentOf.GetValueOrDefault(unit);
            }
        }

        var units = await MailDirectory.UnitsAsync(db, parentOf.Keys.Where(id => issuers.Contains(id) || answering.Contains(id)), cancellationToken);
        return units.Values.OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => (u.Id, issuers.Contains(u.Id) ? WeeklyReportAudience.Issuer : WeeklyReportAudience.Unit, u.Name, MailRecipients.Head(u).To))
            .Where(r => r.To.Count > 0)
            .ToList();
    }

    private bool HasWorkingDay(IsoWeek week) => Enumerable.Range(0, 7).Any(d => calendar.IsWorkingDay(week.Monday.AddDays(d)));
}
