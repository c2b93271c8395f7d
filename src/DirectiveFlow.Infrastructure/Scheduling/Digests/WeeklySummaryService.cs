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

namespace DirectiveFlow.Infrastructure.Scheduling.Digests;

/// <summary>
/// The weekly summary to the leadership, on the week's first working day, about the week just ended: one email per unit
/// head — an issuing unit's about the directives it issued, any other head's about the unit and the units below it
/// (<see cref="WeeklyReportAudience"/>) — with that scope's weekly report (<see cref="GetWeeklyReportQuery"/>): the
/// totals, the ten units most behind, the first overdue tasks, and the report's .xlsx and PDF attached when sent
/// (<see cref="WeeklyReportAttachments"/>). Each email is written on its own (its dedupe key
/// <c>weekly:issuer|unit:{unitId}:{ISO week of sending}</c> makes a rerun harmless), so no long transaction holds the database.
/// </summary>
public sealed class WeeklySummaryService(
    DirectiveFlowDbContext db, IWorkingDayCalendar calendar, OutboxWriter outbox, OutboxOptions options, SchedulingOptions scheduling, ISender sender)
{
    public const int UnitsNamed = 10;
    public const int OverdueListed = 20;

    public async Task<int> SendAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var today = VietnamTime.DateOf(now);
        if (!IsFirstWorkingDayOfWeek(today))
        {
            return 0;
        }

        var sending = IsoWeek.Of(today);
        var week = sending.Previous;
        var formats = scheduling.WeeklyReportAttachments.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var written = 0;
        foreach (var (unitId, audience, name, to) in await RecipientsAsync(cancellationToken))
        {
            var report = await sender.Send(await WeeklyReportAudience.QueryAsync(db, audience, unitId, week, cancellationToken), cancellationToken);
            if (report.Totals.Total == 0 && report.Totals.NotYetReached == 0)
            {
                continue;
            }

            var model = WeeklySummaryModel.Of(report, name, new EffectMessages(options.BaseUrl, calendar), options.BaseUrl, UnitsNamed, OverdueListed,
                new { week = week.ToString(), unitId, audience, formats });
            var message = OutboxEmail.FromTemplate($"weekly:{audience}:{unitId:N}:{sending}", to, EmailTemplates.WeeklySummary, model);
            written += await outbox.TryInsertAsync(db, message, cancellationToken) ? 1 : 0;
        }

        return written;
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

    private bool IsFirstWorkingDayOfWeek(DateOnly today)
    {
        if (!calendar.IsWorkingDay(today))
        {
            return false;
        }

        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        for (var day = monday; day < today; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                return false;
            }
        }

        return true;
    }
}
