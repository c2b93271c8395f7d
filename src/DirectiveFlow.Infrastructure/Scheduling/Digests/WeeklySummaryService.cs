using System.Globalization;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Scheduling.Digests;

/// <summary>
/// The weekly summary, on the week's first working day: to each unit head (its unit and direct sub-units) and to
/// each issuing unit (the lead units of the directives it issued), counts by reporting category and the overdue
/// tasks. Dedupe keys <c>weekly:unit|issuer:{unitId}:{ISO week}</c>.
/// </summary>
public sealed class WeeklySummaryService(DirectiveFlowDbContext db, IWorkingDayCalendar calendar, OutboxWriter outbox, OutboxOptions options)
{
    public const int OverdueListed = 20;

    public async Task<int> SendAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var today = VietnamTime.DateOf(now);
        if (!IsFirstWorkingDayOfWeek(today))
        {
            return 0;
        }

        var week = $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):00}";
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.Status != UnitTaskStatus.Cancelled)
            .Select(t => new DigestTask(t.Id, t.UnitId, t.DirectiveId, t.Title, t.Status, t.DueAt, t.CompletedAt))
            .ToListAsync(cancellationToken);
        var issuers = await db.Directives.AsNoTracking().Select(d => new { d.Id, d.IssuingUnitId }).ToDictionaryAsync(d => d.Id, d => d.IssuingUnitId, cancellationToken);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, cancellationToken);
        var links = new EffectMessages(options.BaseUrl, calendar);
        var written = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var byUnit = tasks.ToLookup(t => t.UnitId);
        var byIssuer = tasks.ToLookup(t => issuers.GetValueOrDefault(t.DirectiveId));
        var children = units.Values.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        foreach (var unit in units.Values)
        {
            var own = byUnit[unit.Id].Concat(children[unit.Id].SelectMany(c => byUnit[c.Id])).ToList();
            written += await WriteAsync("unit", unit, own, week, now, units, links, cancellationToken) ? 1 : 0;
            var issued = byIssuer[unit.Id].ToList();
            written += await WriteAsync("issuer", unit, issued, week, now, units, links, cancellationToken) ? 1 : 0;
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
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

    private async Task<bool> WriteAsync(
        string audience, OrgUnit recipient, List<DigestTask> tasks, string week, DateTimeOffset now,
        Dictionary<Guid, OrgUnit> units, EffectMessages links, CancellationToken cancellationToken)
    {
        if (tasks.Count == 0 || string.IsNullOrWhiteSpace(recipient.HeadEmail))
        {
            return false;
        }

        var rows = tasks.GroupBy(t => t.UnitId).Select(g => new
        {
            unit = units.GetValueOrDefault(g.Key)?.Name ?? "",
            completedOnTime = g.Count(t => Category(t, now) == TaskCategory.CompletedOnTime),
            completedLate = g.Count(t => Category(t, now) == TaskCategory.CompletedLate),
            openWithinDeadline = g.Count(t => Category(t, now) == TaskCategory.OpenWithinDeadline),
            openOverdue = g.Count(t => Category(t, now) == TaskCategory.OpenOverdue),
        }).OrderByDescending(r => r.openOverdue).ThenBy(r => r.unit, StringComparer.Ordinal).ToList();
        var overdue = tasks.Where(t => Category(t, now) == TaskCategory.OpenOverdue).OrderBy(t => t.DueAt).Take(OverdueListed)
            .Select(t => new { title = t.Title, unit = units.GetValueOrDefault(t.UnitId)?.Name ?? "", dueLocal = EffectMessages.LocalText(t.DueAt), link = links.TaskLink(t.Id) })
            .ToList();
        var model = new
        {
            recipient = new { name = recipient.Name },
            weekLocal = week,
            rows,
            overdue,
            totals = new { openOverdue = rows.Sum(r => r.openOverdue) },
        };
        var email = OutboxEmail.FromTemplate($"weekly:{audience}:{recipient.Id:N}:{week}", [recipient.HeadEmail], EmailTemplates.WeeklySummary, model);
        return await outbox.TryInsertAsync(db, email, cancellationToken);
    }

    private static TaskCategory? Category(DigestTask task, DateTimeOffset now) => TaskCategories.Of(task.Status, task.DueAt, task.CompletedAt, now);
}
