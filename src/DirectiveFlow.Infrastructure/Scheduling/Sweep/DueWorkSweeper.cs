using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// The due-work sweep: tasks whose <c>NextActionAt</c> has passed (an indexed range), in pages; for each, the
/// <see cref="DueWorkPlanner"/>'s effects go to the outbox under their dedupe keys, with a journal entry, and the
/// task's schedule fields move on — one transaction per page. A duplicate key means "already done": nothing is
/// sent twice, whatever re-runs, misfires or second nodes do.
/// </summary>
public sealed class DueWorkSweeper(
    DirectiveFlowDbContext db,
    IWorkingDayCalendar calendar,
    OutboxWriter outbox,
    SchedulingOptions options,
    OutboxOptions outboxOptions)
{
    public async Task<SweepResult> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var messages = new EffectMessages(outboxOptions.BaseUrl, calendar);
        var units = await db.Units.AsNoTracking()
            .Select(u => new SweepUnit(u.Id, u.Code, u.Name, u.HeadName, u.HeadEmail, u.ContactEmails, u.ParentId))
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var policies = new Dictionary<string, TaskPolicy>(StringComparer.Ordinal);
        var seen = new HashSet<Guid>();
        var total = SweepResult.None;
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await db.Tasks.AsNoTracking()
                .Where(t => t.NextActionAt != null && t.NextActionAt <= now)
                .OrderBy(t => t.NextActionAt)
                .Take(options.SweepPageSize)
                .Select(t => new SweepTask(t.Id, t.DirectiveId, t.InstanceId, t.ActivityId, t.UnitId, t.AssignerUnitId, t.Title, t.Status,
                    t.CreatedAt, t.DueAt, t.AcknowledgedAt, t.LastProgressAt, t.ProgressCadence, t.NextActionAt, t.ChaseCount,
                    t.EscalationLevel, t.IsRaised, t.PolicyJson))
                .ToListAsync(cancellationToken);
            page.RemoveAll(t => !seen.Add(t.Id));
            if (page.Count == 0)
            {
                break;
            }

            var directiveIds = page.Select(t => t.DirectiveId).Distinct().ToList();
            var directives = await db.Directives.AsNoTracking()
                .Where(d => directiveIds.Contains(d.Id))
                .Select(d => new SweepDirective(d.Id, d.Number, d.Title, d.IssuingUnitId))
                .ToDictionaryAsync(d => d.Id, cancellationToken);
            var directory = new SweepDirectory(units, directives);
            total += await WritePageAsync(page, directory, messages, policies, now, cancellationToken);
        }

        return total;
    }

    private async Task<SweepResult> WritePageAsync(
        List<SweepTask> page, SweepDirectory directory, EffectMessages messages, Dictionary<string, TaskPolicy> policies,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = SweepResult.None;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using (var writer = new SweepWriter(
            db.Database.GetDbConnection(), transaction.GetDbTransaction(), new ProviderValues(db.Database.ProviderName)))
        {
            foreach (var task in page)
            {
                var policy = task.PolicyJson is null ? TaskPolicy.Default
                    : policies.TryGetValue(task.PolicyJson, out var cached) ? cached
                    : policies[task.PolicyJson] = TaskPolicy.Parse(task.PolicyJson);
                var decision = DueWorkPlanner.Plan(task, policy, now, calendar);
                if (!await writer.UpdateTaskAsync(task, decision, cancellationToken))
                {
                    result += new SweepResult(1, 0, 0, 1);
                    continue;
                }

                var written = 0;
                var duplicates = 0;
                foreach (var effect in decision.Effects)
                {
                    var email = messages.Email(effect, task, decision, directory, now);
                    if (await writer.TryInsertOutboxAsync(outbox.ToMessage(email), cancellationToken))
                    {
                        await writer.InsertJournalAsync(EffectMessages.Journal(effect, task, email, now), cancellationToken);
                        written++;
                    }
                    else
                    {
                        duplicates++;
                    }
                }

                result += new SweepResult(1, written, duplicates, 0);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
