using System.Data.Common;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Addressing;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Persistence.Sql.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>
/// The due-work sweep: tasks whose <c>NextActionAt</c> has passed (an indexed range). Large groups of tasks that are
/// decided alike (<see cref="UniformDueGroup"/>) are written set-based first; the rest go in pages. For each task the
/// <see cref="DueWorkPlanner"/>'s effects go to the outbox under their dedupe keys (each email is the step's record on
/// the task; the directive's journal counts the step, <see cref="SweepSteps"/>), and the task's schedule fields move on —
/// one transaction per group or page. The whole pipeline, provider by provider: <c>README.md</c> in this folder. A duplicate key means "already done": nothing is
/// sent twice, whatever re-runs, misfires or second nodes do.
/// </summary>
public sealed class DueWorkSweeper(
    DirectiveFlowDbContext db,
    IWorkingDayCalendar calendar,
    OutboxWriter outbox,
    SchedulingOptions options,
    OutboxOptions outboxOptions,
    ILogger<DueWorkSweeper>? logger = null)
{
    public async Task<SweepResult> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var messages = new EffectMessages(outboxOptions.BaseUrl, calendar);
        var policies = new Dictionary<string, TaskPolicy>(StringComparer.Ordinal);
        var seen = new HashSet<Guid>();
        var values = new ProviderValues(db.Database.ProviderName);
        var sql = ProviderSql.For(db);
        var total = options.SetBasedClassMinimum > 0 && sql.DueGroups is { } groupSql
            ? await SweepUniformGroupsAsync(groupSql, sql, messages, policies, values, now, cancellationToken)
            : SweepResult.None;
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

            var directives = await MailDirectory.DirectivesAsync(db, page.Select(t => t.DirectiveId), cancellationToken);
            total += await WritePageAsync(page, directives, messages, policies, values, sql, now, cancellationToken);
        }

        return total;
    }

    /// <summary>How many times the group search runs in one sweep (each pass takes the members earlier groups left).</summary>
    private const int GroupSearchPasses = 4;

    /// <summary>
    /// The set-based part: every large <see cref="UniformDueGroup"/> is planned once and written for all its tasks with
    /// a few statements, in one transaction per group. The earliest due task's group comes first, then the next
    /// earliest's, until one of them is small (it is still written, set-based) or fails; then a search over every due
    /// task finds the other large groups. A group can leave members behind (they differ from it in a column the
    /// search does not group by): the search then runs again over what is still due. Whatever the passes leave (small
    /// or mixed groups, tasks changed meanwhile) is still due and goes through the pages.
    /// </summary>
    private async Task<SweepResult> SweepUniformGroupsAsync(
        DueGroupSql groupSql, ProviderSql sql, EffectMessages messages, Dictionary<string, TaskPolicy> policies, ProviderValues values,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var total = SweepResult.None;
            // First the earliest due task's group, while those are large (a cascade falling due at once): one indexed
            // read each instead of a search over every due task.
            for (var i = 0; i < EarliestGroups && !cancellationToken.IsCancellationRequested; i++)
            {
                if (await UniformDueGroup.OfEarliestDueAsync(connection, groupSql, values, now, cancellationToken) is not { } earliest)
                {
                    return total;
                }

                var directives = await MailDirectory.DirectivesAsync(db, [earliest.DirectiveId], cancellationToken);
                if (await TrySweepGroupAsync(earliest, connection, sql, directives, messages, policies, values, now, cancellationToken) is not { } result)
                {
                    // The search may find it again (and fail once more), but the other groups still go set-based.
                    break;
                }

                total += result;
                if (result.Tasks < options.SetBasedClassMinimum)
                {
                    break;
                }
            }

            for (var pass = 0; pass < GroupSearchPasses && !cancellationToken.IsCancellationRequested; pass++)
            {
                var groups = await UniformDueGroup.FindAsync(connection, groupSql, values, now, options.SetBasedClassMinimum, cancellationToken);
                if (groups.Count == 0)
                {
                    break;
                }

                // A group's emails name their directive; units and recipients are put in per row at dispatch.
                var directives = await MailDirectory.DirectivesAsync(db, groups.Select(c => c.DirectiveId), cancellationToken);
                var leftBehind = false;
                var progress = false;
                var failed = false;
                foreach (var group in groups)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        break;
                    }

                    if (await TrySweepGroupAsync(group, connection, sql, directives, messages, policies, values, now, cancellationToken) is { } result)
                    {
                        total += result;
                        progress |= result.Tasks > 0;
                        leftBehind |= result.Tasks > 0 && result.Tasks < group.Count;
                    }
                    else
                    {
                        failed = true;
                    }
                }

                // No further pass after a failure: it would find the failed group again.
                if (failed || !progress || !leftBehind)
                {
                    break;
                }
            }

            return total;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>How many groups are taken from the earliest due task before searching (<see cref="UniformDueGroup.OfEarliestDueAsync"/>).</summary>
    private const int EarliestGroups = 8;

    /// <summary><see cref="SweepGroupAsync"/>, or null when its write failed (rolled back: its tasks are still due).</summary>
    private async Task<SweepResult?> TrySweepGroupAsync(
        UniformDueGroup group, DbConnection connection, ProviderSql sql, Dictionary<Guid, MailDirective> directives, EffectMessages messages,
        Dictionary<string, TaskPolicy> policies, ProviderValues values, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await SweepGroupAsync(group, connection, sql, directives.GetValueOrDefault(group.DirectiveId), messages, policies, values, now, cancellationToken);
        }
        catch (DbException exception) when (!cancellationToken.IsCancellationRequested)
        {
            (logger ?? NullLogger<DueWorkSweeper>.Instance).LogWarning(exception,
                "Set-based sweep of the tasks of directive {DirectiveId} due {DueAt} failed; they go row by row.", group.DirectiveId, group.DueAt);
            return null;
        }
    }

    /// <summary>One group in its own transaction; nothing when its members would not all be decided alike.</summary>
    private async Task<SweepResult> SweepGroupAsync(
        UniformDueGroup group, DbConnection connection, ProviderSql sql, MailDirective? directive, EffectMessages messages,
        Dictionary<string, TaskPolicy> policies, ProviderValues values, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = group.Representative(group.FirstCreatedAt);
        var policy = Policy(first, policies);
        var decision = DueWorkPlanner.Plan(first, policy, now, calendar);
        if (!SameDecision(decision, DueWorkPlanner.Plan(group.Representative(group.LastCreatedAt), policy, now, calendar)))
        {
            return SweepResult.None;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var writer = new UniformDueGroupWriter(connection, transaction.GetDbTransaction(), values, sql);
        var effects = decision.Effects
            .Select(effect => new GroupEffect(effect, outbox.ToMessage(messages.SharedEmail(effect, first, decision, directive, now))))
            .ToList();

        var written = await writer.WriteAsync(group, decision, effects, now, cancellationToken);
        var steps = new SweepSteps();
        for (var e = 0; e < effects.Count; e++)
        {
            steps.Add(group.DirectiveId, effects[e].Effect.Action, written[e]);
        }

        steps.AddSkipped(group.DirectiveId, decision, writer.TasksUpdated);

        await steps.WriteAsync(db, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Members not updated are not skipped: they differ from the group (another pass or the pages take them).
        var tasks = writer.TasksUpdated;
        return new SweepResult(tasks, written.Sum(), tasks * effects.Count - written.Sum(), 0);
    }

    private static bool SameDecision(SweepDecision a, SweepDecision b) =>
        a.NextActionAt == b.NextActionAt && a.ChaseCount == b.ChaseCount && a.EscalationLevel == b.EscalationLevel && a.IsRaised == b.IsRaised
        && a.Effects.SequenceEqual(b.Effects) && a.Skipped.SequenceEqual(b.Skipped);

    private async Task<SweepResult> WritePageAsync(
        List<SweepTask> page, Dictionary<Guid, MailDirective> directives, EffectMessages messages, Dictionary<string, TaskPolicy> policies, ProviderValues values,
        ProviderSql sql, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var decisions = page.Select(task => (Task: task, Decision: DueWorkPlanner.Plan(task, Policy(task, policies), now, calendar))).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Multi-row statements pay off over a network round trip (PostgreSQL); in-process SQLite is fastest with
        // prepared single-row statements (it binds named parameters by a linear search, so wide statements cost n²).
        var result = sql is PostgreSqlSql postgres
            ? await WriteSetBasedAsync(decisions, directives, messages, values, postgres, transaction.GetDbTransaction(), now, cancellationToken)
            : await WriteRowByRowAsync(decisions, directives, messages, values, sql, transaction.GetDbTransaction(), now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<SweepResult> WriteSetBasedAsync(
        List<(SweepTask Task, SweepDecision Decision)> decisions, Dictionary<Guid, MailDirective> directives, EffectMessages messages, ProviderValues values,
        PostgreSqlSql sql, DbTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var writer = new SetBasedPageWriter(db.Database.GetDbConnection(), transaction, values, sql);
        var updated = await writer.UpdateTasksAsync(decisions, cancellationToken);
        var models = new SharedModelWriter(db.Database.GetDbConnection(), transaction, values, sql);
        var effects = decisions
            .Where(d => updated.Contains(d.Task.Id))
            .SelectMany(d => d.Decision.Effects.Select(effect => (d.Task, Effect: effect,
                Message: EffectMessage(effect, d.Task, d.Decision, directives, messages, now))))
            .ToList();
        await models.NameAllSharedAsync(effects.Select(e => (e.Message, e.Effect.RecipientRole)).ToList(), now, cancellationToken);

        var inserted = await writer.InsertOutboxAsync(effects.Select(e => e.Message).ToList(), cancellationToken);
        var steps = new SweepSteps();
        foreach (var e in effects.Where(e => inserted.Contains((e.Task.Id, e.Effect.DedupeKey))))
        {
            steps.Add(e.Task.DirectiveId, e.Effect.Action, 1);
        }

        foreach (var (task, decision) in decisions.Where(d => updated.Contains(d.Task.Id)))
        {
            steps.AddSkipped(task.DirectiveId, decision, 1);
        }

        await steps.WriteAsync(db, now, cancellationToken);
        return new SweepResult(decisions.Count, inserted.Count, effects.Count - inserted.Count, decisions.Count - updated.Count);
    }

    private async Task<SweepResult> WriteRowByRowAsync(
        List<(SweepTask Task, SweepDecision Decision)> decisions, Dictionary<Guid, MailDirective> directives, EffectMessages messages, ProviderValues values,
        ProviderSql sql, DbTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var steps = new SweepSteps();
        SweepResult result;
        await using (var writer = new RowByRowPageWriter(db.Database.GetDbConnection(), transaction, values, sql))
        {
            var models = new SharedModelWriter(db.Database.GetDbConnection(), transaction, values, sql);
            result = await WriteRowsAsync(writer, models, decisions, directives, messages, steps, now, cancellationToken);
        }

        await steps.WriteAsync(db, now, cancellationToken);
        return result;
    }

    private async Task<SweepResult> WriteRowsAsync(
        RowByRowPageWriter writer, SharedModelWriter models, List<(SweepTask Task, SweepDecision Decision)> decisions, Dictionary<Guid, MailDirective> directives,
        EffectMessages messages,
        SweepSteps steps, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = SweepResult.None;
        foreach (var (task, decision) in decisions)
        {
            if (!await writer.UpdateTaskAsync(task, decision, cancellationToken))
            {
                result += new SweepResult(1, 0, 0, 1);
                continue;
            }

            steps.AddSkipped(task.DirectiveId, decision, 1);
            var written = 0;
            foreach (var effect in decision.Effects)
            {
                if (await writer.TryInsertOutboxAsync(await SharedModelMessageAsync(effect, task, decision, directives, messages, models, now, cancellationToken), cancellationToken))
                {
                    steps.Add(task.DirectiveId, effect.Action, 1);
                    written++;
                }
            }

            result += new SweepResult(1, written, decision.Effects.Count - written, 0);
        }

        return result;
    }

    /// <summary>The outbox row of one effect about one task, its model still whole (<see cref="SharedModelWriter"/> names it).</summary>
    private OutboxMessage EffectMessage(
        DueEffect effect, SweepTask task, SweepDecision decision, Dictionary<Guid, MailDirective> directives, EffectMessages messages, DateTimeOffset now) =>
        outbox.ToMessage(messages.SharedEmail(effect, task, decision, directives.GetValueOrDefault(task.DirectiveId), now));

    /// <summary>The outbox row of one effect about one task, naming its shared model (as a group's rows do).</summary>
    private async Task<OutboxMessage> SharedModelMessageAsync(
        DueEffect effect, SweepTask task, SweepDecision decision, Dictionary<Guid, MailDirective> directives, EffectMessages messages,
        SharedModelWriter models, DateTimeOffset now, CancellationToken cancellationToken) =>
        await models.NameSharedAsync(EffectMessage(effect, task, decision, directives, messages, now), effect.RecipientRole, now, cancellationToken);

    private static TaskPolicy Policy(SweepTask task, Dictionary<string, TaskPolicy> policies) =>
        task.PolicyJson is null ? TaskPolicy.Default
        : policies.TryGetValue(task.PolicyJson, out var cached) ? cached
        : policies[task.PolicyJson] = TaskPolicy.Parse(task.PolicyJson);
}
