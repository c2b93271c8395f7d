using System.Globalization;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Addressing;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Scheduling.Digests;

/// <summary>
/// The morning digest: on a working day, one email per unit with open tasks, listing them by category (overdue,
/// due within two working days, open within deadline, awaiting review), to the unit as a whole
/// (<see cref="MailRecipients.WholeUnit"/>). Dedupe key <c>digest:{unitId}:{yyyyMMdd}</c>.
/// </summary>
public sealed class DailyDigestService(DirectiveFlowDbContext db, IWorkingDayCalendar calendar, OutboxWriter outbox, OutboxOptions options)
{
    /// <summary>Writes the day's digests; answers how many were new (0 on a non-working day).</summary>
    public async Task<int> SendAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var today = VietnamTime.DateOf(now);
        if (!calendar.IsWorkingDay(today))
        {
            return 0;
        }

        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled)
            .Select(t => new DigestTask(t.Id, t.UnitId, t.DirectiveId, t.Title, t.Status, t.DueAt, t.CompletedAt))
            .ToListAsync(cancellationToken);
        var numbers = await DirectiveNumbersAsync(db, tasks, cancellationToken);
        var unitIds = tasks.Select(t => t.UnitId).Distinct().ToList();
        var units = await MailDirectory.UnitsAsync(db, unitIds, cancellationToken);
        var messages = new EffectMessages(options.BaseUrl, calendar);
        var time = CategoryTime.At(now, calendar);
        var written = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var group in tasks.GroupBy(t => t.UnitId))
        {
            // A unit nobody can be written to gets no digest (as the weekly summary): it would fail every morning into a
            // dead letter for each such unit; its missing address shows where it matters, on its assignment notices.
            if (!units.TryGetValue(group.Key, out var unit) || MailRecipients.WholeUnit(unit).To.Count == 0)
            {
                continue;
            }

            var groups = group.GroupBy(t => Category(t, time))
                .OrderBy(g => g.Key)
                .Select(g => new
                {
                    category = g.Key.ToString(),
                    tasks = g.OrderBy(t => t.DueAt).Select(t => new
                    {
                        title = t.Title,
                        dueLocal = EffectMessages.LocalText(t.DueAt),
                        link = messages.TaskLink(t.Id),
                        directiveNumber = numbers.GetValueOrDefault(t.DirectiveId, ""),
                    }).ToList(),
                }).ToList();
            var model = new { unit = new { name = unit.Name }, dateLocal = today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), total = group.Count(), groups };
            var to = MailRecipients.WholeUnit(unit).To;
            var key = $"digest:{unit.Id:N}:{today:yyyyMMdd}";
            if (await outbox.TryInsertAsync(db, OutboxEmail.FromTemplate(key, to, EmailTemplates.DailyDigest, model), cancellationToken))
            {
                written++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    internal static async Task<Dictionary<Guid, string>> DirectiveNumbersAsync(DirectiveFlowDbContext db, IEnumerable<DigestTask> tasks, CancellationToken cancellationToken)
    {
        var ids = tasks.Select(t => t.DirectiveId).Distinct().ToList();
        return await db.Directives.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number, cancellationToken);
    }

    private static DigestCategory Category(DigestTask task, CategoryTime time) =>
        task.Status == UnitTaskStatus.Reported ? DigestCategory.AwaitingReview
        : TaskCategories.Of(task.Status, task.DueAt, task.CompletedAt, time.Now) == TaskCategory.OpenOverdue ? DigestCategory.OpenOverdue
        : TaskCategories.IsDueSoon(task.Status, task.DueAt, time) ? DigestCategory.DueSoon
        : DigestCategory.OpenWithinDeadline;
}
