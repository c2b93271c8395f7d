using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using static DirectiveFlow.Infrastructure.Tests.Scheduling.SchedulingHarness;

namespace DirectiveFlow.Infrastructure.Tests.Scheduling;

public sealed class DueWorkSweeperTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each database, swept row by row and through the set-based group path (every due task a group of its own or more).</summary>
    public static TheoryData<string, bool> ProvidersAndPaths =>
        new() { { "Sqlite", false }, { "Sqlite", true }, { "PostgreSql", false }, { "PostgreSql", true } };

    [Theory]
    [MemberData(nameof(ProvidersAndPaths))]
    public async Task Each_step_of_the_ladder_reaches_the_right_address_exactly_once(string provider, bool setBased)
    {
        // Monday 02/03/2026 09:00, five working days: due Monday 09/03 17:00.
        await using var h = await CreateAsync(provider);
        h.UniformGroupMinimum = setBased ? 1 : 0;
        var task = await h.AddTaskAsync(5);
        Assert.Equal(Local(2026, 3, 9, 17), task.DueAt);

        (DateTimeOffset At, string To, string SubjectStart)[] steps =
        [
            (Local(2026, 3, 5, 8, 5), WardHead, "[Nhắc việc] UBND phường Hoàn Kiếm – "),
            (Local(2026, 3, 6, 8, 5), WardHead, "[Nhắc việc] UBND phường Hoàn Kiếm – "),
            (Local(2026, 3, 9, 8, 5), WardHead, "[Đến hạn hôm nay] UBND phường Hoàn Kiếm – "),
            (Local(2026, 3, 9, 17, 1), WardHead, "[Quá hạn] UBND phường Hoàn Kiếm – "),
            // The superiors' steps go out in their digest of the day (the day's window, 07:30, has passed).
            (Local(2026, 3, 11, 17, 1), ParentHead, "[Tổng hợp quá hạn] 1 nhiệm vụ"),
            (Local(2026, 3, 16, 17, 1), IssuerHead, "[Tổng hợp quá hạn] 1 nhiệm vụ"),
        ];
        foreach (var (at, to, subject) in steps)
        {
            h.MoveTo(at);
            var first = await h.SweepAsync();
            var again = await h.SweepAsync();
            await h.DispatchAllAsync();
            Assert.Equal(1, first.Effects);
            Assert.Equal(0, again.Effects);
            var latest = h.Mailbox.All()[0];
            Assert.Contains(to, latest.To);
            Assert.StartsWith(subject, latest.Subject, StringComparison.Ordinal);
        }

        Assert.Equal(steps.Length, h.Mailbox.Count);
        Assert.Equal(1, h.Mailbox.All().Count(m => m.Subject.StartsWith("[Quá hạn", StringComparison.Ordinal)));
        Assert.Equal(2, h.Mailbox.All().Count(m => m.Subject.StartsWith("[Tổng hợp quá hạn]", StringComparison.Ordinal)));
        await using var db = h.Db();
        var stored = await db.Tasks.SingleAsync(t => t.Id == task.Id, Ct);
        Assert.Equal((3, 3, true, (DateTimeOffset?)null), (stored.EscalationLevel, stored.ChaseCount, stored.IsRaised, stored.NextActionAt));
        // Each step's record on the task is its email; the directive's journal counts the step once per sweep.
        string[] expected = ["task.reminder", "task.reminder", "task.due-notice", "escalation.level1", "escalation.level2", "escalation.level3"];
        var keys = await db.Outbox.Where(m => m.TaskId == task.Id).OrderBy(m => m.CreatedAt).Select(m => m.DedupeKey).ToListAsync(Ct);
        Assert.Equal(expected, keys.Select(ChaseKeys.ActionOf));
        var counted = await db.Journal.Where(j => j.DirectiveId == task.DirectiveId && j.TaskId == null && expected.Contains(j.Action))
            .OrderBy(j => j.Id).Select(j => new { j.Action, j.Detail }).ToListAsync(Ct);
        Assert.Equal(expected, counted.Select(c => c.Action));
        Assert.All(counted, c => Assert.Equal("1 nhiệm vụ", c.Detail));

        h.MoveTo(Local(2026, 3, 30, 9));
        Assert.Equal(0, (await h.SweepAsync()).Effects);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndPaths))]
    public async Task After_downtime_each_missed_escalation_is_sent_once_and_stale_reminders_are_not(string provider, bool setBased)
    {
        await using var h = await CreateAsync(provider);
        h.UniformGroupMinimum = setBased ? 1 : 0;
        await h.AddTaskAsync(5);
        h.MoveTo(Local(2026, 3, 17, 10));

        var first = await h.SweepAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, (await h.SweepAsync()).Effects);
        }

        await h.DispatchAllAsync();
        Assert.Equal(3, first.Effects);
        var received = h.Mailbox.All().OrderBy(m => m.ReceivedAt).ToList();
        Assert.Equal(3, received.Count);
        Assert.Equal(new[] { WardHead, ParentHead, IssuerHead }.Order(), received.Select(m => m.To.Single()).Order());
        Assert.StartsWith("[Quá hạn]", received.Single(m => m.To.Contains(WardHead)).Subject, StringComparison.Ordinal);
        Assert.All(received.Where(m => !m.To.Contains(WardHead)), m => Assert.StartsWith("[Tổng hợp quá hạn] 1 nhiệm vụ", m.Subject, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ProvidersAndPaths))]
    public async Task After_a_60_day_jump_each_recipient_gets_the_highest_step_once_and_the_skipped_steps_are_journaled(string provider, bool setBased)
    {
        // Two steps to each of the unit's head and the superior unit's head, then the issuing leadership.
        const string policy = """
            {"escalation": {"steps": [{"afterWorkingDays": 0, "to": "unitHead"}, {"afterWorkingDays": 1, "to": "unitHead"},
              {"afterWorkingDays": 2, "to": "parentHead"}, {"afterWorkingDays": 3, "to": "parentHead", "immediate": true},
              {"afterWorkingDays": 5, "to": "issuerLeadership", "raise": true}], "raiseAfterChases": 3}}
            """;
        await using var h = await CreateAsync(provider);
        h.UniformGroupMinimum = setBased ? 1 : 0;
        var tasks = new List<Core.Tasks.UnitTask>();
        for (var i = 0; i < 3; i++)
        {
            tasks.Add(await h.AddTaskAsync(5, $"Nhiệm vụ số {i}", t => t.PolicyJson = policy));
        }

        h.MoveTo(tasks[0].DueAt.AddDays(60));
        var first = await h.SweepAsync();
        var again = await h.SweepAsync();
        await h.DispatchAllAsync();

        Assert.Equal((3, 9, 0), (first.Tasks, first.Effects, again.Effects));
        // Each task's own head and (immediate) superior get its highest step at once; the issuing leadership's steps,
        // not immediate, go out together in one digest.
        var received = h.Mailbox.All();
        Assert.Equal(7, received.Count);
        foreach (var to in new[] { WardHead, ParentHead })
        {
            Assert.Equal(3, received.Count(m => m.To.Single() == to));
        }

        Assert.StartsWith("[Tổng hợp quá hạn] 3 nhiệm vụ", Assert.Single(received, m => m.To.Single() == IssuerHead).Subject, StringComparison.Ordinal);

        await using var db = h.Db();
        Assert.All(await db.Tasks.ToListAsync(Ct), t => Assert.Equal((5, 5, true), (t.EscalationLevel, t.ChaseCount, t.IsRaised)));
        // The tasks' rows (the digest's row is about no one task).
        var keys = await db.Outbox.Where(m => m.TaskId != null).Select(m => m.DedupeKey).ToListAsync(Ct);
        Assert.Equal(["escalation.level2", "escalation.level4", "escalation.level5"], keys.Select(ChaseKeys.ActionOf).Distinct().Order());
        // The skipped steps (levels 1 and 3) are counted in the directive's journal, per task, once.
        Assert.Equal(3, (await db.Journal.Where(j => j.Action == DueEffect.SkippedAction).Select(j => j.Detail).ToListAsync(Ct))
            .Sum(d => int.Parse(d!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)));
        // The immediate step's shared model carries the marked role.
        Assert.Contains(await db.OutboxModels.Select(m => m.RecipientRole).ToListAsync(Ct), r => r == "parentHead:immediate");
    }

    [Theory]
    [MemberData(nameof(ProvidersAndPaths))]
    public async Task A_task_not_acknowledged_reminds_its_unit_then_tells_its_head_once(string provider, bool setBased)
    {
        // Assigned Monday 02/03 09:00, due in 10 working days: reminded at the end of Wednesday 04/03, escalated Friday 06/03.
        await using var h = await CreateAsync(provider);
        h.UniformGroupMinimum = setBased ? 1 : 0;
        var task = await h.AddTaskAsync(10, configure: t => (t.Status, t.AcknowledgedAt) = (UnitTaskStatus.Assigned, null));

        h.MoveTo(Local(2026, 3, 4, 17, 5));
        Assert.Equal(1, (await h.SweepAsync()).Effects);
        await h.DispatchAllAsync();
        Assert.StartsWith("[Nhắc tiếp nhận nhiệm vụ] UBND phường Hoàn Kiếm – Lập kế hoạch hành động", h.Mailbox.All()[0].Subject, StringComparison.Ordinal);

        h.MoveTo(Local(2026, 3, 6, 17, 5));
        Assert.Equal(1, (await h.SweepAsync()).Effects);
        Assert.Equal(0, (await h.SweepAsync()).Effects);
        await h.DispatchAllAsync();
        var escalation = h.Mailbox.All()[0];
        Assert.Equal(WardHead, escalation.To.Single());
        Assert.StartsWith("[Chưa tiếp nhận nhiệm vụ] UBND phường Hoàn Kiếm – Lập kế hoạch hành động", escalation.Subject, StringComparison.Ordinal);
        Assert.Contains("4 ngày làm việc", escalation.Text, StringComparison.Ordinal);

        h.MoveTo(Local(2026, 3, 12, 8, 5));
        await h.SweepAsync();
        await using var db = h.Db();
        var stored = await db.Tasks.SingleAsync(t => t.Id == task.Id, Ct);
        Assert.Equal((1, 0), (stored.ChaseCount, stored.EscalationLevel));
        var actions = await db.Journal.Where(j => j.TaskId == null).Select(j => j.Action).ToListAsync(Ct);
        Assert.Equal(1, actions.Count(a => a == "task.not-acknowledged"));
        Assert.Equal(1, actions.Count(a => a == "escalation.not-acknowledged"));
        Assert.Single(await db.Outbox.Select(m => m.DedupeKey).ToListAsync(Ct), k => k.StartsWith(DueEffect.NotAcknowledgedEscalationKey, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ProvidersAndPaths))]
    public async Task Once_acknowledged_nothing_more_is_sent_about_acknowledging(string provider, bool setBased)
    {
        await using var h = await CreateAsync(provider);
        h.UniformGroupMinimum = setBased ? 1 : 0;
        var task = await h.AddTaskAsync(10, configure: t => (t.Status, t.AcknowledgedAt) = (UnitTaskStatus.Assigned, null));
        h.MoveTo(Local(2026, 3, 4, 17, 5));
        Assert.Equal(1, (await h.SweepAsync()).Effects);

        // What acknowledging does: the status and the time, the schedule left as it was.
        await using (var db = h.Db())
        {
            await db.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, UnitTaskStatus.Acknowledged).SetProperty(t => t.AcknowledgedAt, h.Clock.GetUtcNow()), Ct);
        }

        h.MoveTo(Local(2026, 3, 6, 17, 5));
        Assert.Equal(0, (await h.SweepAsync()).Effects);
        h.MoveTo(Local(2026, 3, 9, 17, 5));
        Assert.Equal(0, (await h.SweepAsync()).Effects);

        await using var check = h.Db();
        Assert.Equal([DueEffect.NotAcknowledgedKey], (await check.Outbox.Select(m => m.DedupeKey).ToListAsync(Ct)).Select(k => k[..(k.IndexOf(':') + 1)]));
        Assert.Equal(0, (await check.Tasks.SingleAsync(t => t.Id == task.Id, Ct)).ChaseCount);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndPaths))]
    public async Task A_completed_task_leaves_the_schedule_without_any_email(string provider, bool setBased)
    {
        await using var h = await CreateAsync(provider);
        h.UniformGroupMinimum = setBased ? 1 : 0;
        var task = await h.AddTaskAsync(5, configure: t => (t.Status, t.CompletedAt) = (UnitTaskStatus.Completed, t.CreatedAt));
        h.MoveTo(Local(2026, 3, 20, 10));

        var result = await h.SweepAsync();

        Assert.Equal((1, 0), (result.Tasks, result.Effects));
        await using var db = h.Db();
        Assert.Null((await db.Tasks.SingleAsync(t => t.Id == task.Id, Ct)).NextActionAt);
        Assert.Equal(0, await db.Outbox.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(ProvidersAndPaths))]
    public async Task An_extension_restarts_the_ladder_relative_to_the_new_deadline(string provider, bool setBased)
    {
        await using var h = await CreateAsync(provider);
        h.UniformGroupMinimum = setBased ? 1 : 0;
        var task = await h.AddTaskAsync(5);
        h.MoveTo(Local(2026, 3, 9, 17, 30));
        Assert.Equal(1, (await h.SweepAsync()).Effects);

        // What the tasks engineer's approval does: a new deadline, the ladder reset, the task scheduled now.
        var newDue = Local(2026, 3, 13, 17);
        await using (var db = h.Db())
        {
            await db.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.DueAt, newDue).SetProperty(t => t.EscalationLevel, 0).SetProperty(t => t.NextActionAt, h.Clock.GetUtcNow()), Ct);
        }

        Assert.Equal(0, (await h.SweepAsync()).Effects);
        h.MoveTo(Local(2026, 3, 12, 8, 1));
        Assert.Equal(1, (await h.SweepAsync()).Effects);
        h.MoveTo(Local(2026, 3, 13, 17, 1));
        Assert.Equal(1, (await h.SweepAsync()).Effects);

        await using var check = h.Db();
        var keys = await check.Outbox.OrderBy(m => m.CreatedAt).Select(m => m.DedupeKey).ToListAsync(Ct);
        Assert.Equal(3, keys.Count);
        Assert.Equal(2, keys.Count(k => k.StartsWith("escalation:1:", StringComparison.Ordinal)));
    }
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Tasks_that_differ_in_a_column_the_group_search_does_not_group_by_are_still_swept_set_based(string provider)
    {
        await using var h = await CreateAsync(provider);
        h.UniformGroupMinimum = 10;
        // The earliest due task is alone in its group (created a minute before the others), so after it the sweep
        // searches. One directive, status, deadline and level; two assigners (the search groups them together, the
        // uniform groups do not).
        await h.AddTaskAsync(5, "Nhiệm vụ giao trước", t => (t.CreatedAt, t.NextActionAt) = (t.CreatedAt.AddMinutes(-1), t.CreatedAt.AddMinutes(-1)));
        for (var i = 0; i < 30; i++)
        {
            await h.AddTaskAsync(5, $"Nhiệm vụ số {i}", t => t.AssignerUnitId = i % 2 == 0 ? h.Issuer.Id : h.Parent.Id);
        }

        h.MoveTo(Local(2026, 3, 9, 17, 30));
        var result = await h.SweepAsync();

        Assert.Equal((31, 31), (result.Tasks, result.Effects));
        await using var check = h.Db();
        // Every row names a shared model (one per group): all three went through the set-based path, none row by row.
        Assert.Equal(31, await check.Outbox.CountAsync(m => m.ModelId != null && m.ModelJson == null && m.To == "", Ct));
        Assert.Equal(3, await check.Outbox.Select(m => m.ModelId).Distinct().CountAsync(Ct));
        Assert.Equal(31, await check.Tasks.CountAsync(t => t.EscalationLevel == 1 && t.NextActionAt != null, Ct));
    }

    [Fact]
    public async Task A_failing_set_based_write_is_rolled_back_and_the_tasks_go_row_by_row()
    {
        await using var h = await CreateAsync("Sqlite");
        h.UniformGroupMinimum = 1;
        for (var i = 0; i < 40; i++)
        {
            await h.AddTaskAsync(5, $"Nhiệm vụ số {i}");
        }

        // Refuses the rows the set-based writer makes, never the row path's: a group inserts its outbox rows before it
        // updates its tasks, the row path after.
        await using (var db = h.Db())
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER refuse_set_based BEFORE INSERT ON \"Outbox\" " +
                "WHEN (SELECT \"EscalationLevel\" FROM \"Tasks\" WHERE \"Id\" = NEW.\"TaskId\") = 0 " +
                "BEGIN SELECT RAISE(ABORT, 'set-based write refused'); END", Ct);
        }

        h.MoveTo(Local(2026, 3, 9, 17, 30));
        var log = new ListLogger();
        var result = await h.SweepAsync(log);

        Assert.Equal(40, result.Effects);
        Assert.Contains(log.Messages, m => m.StartsWith("Set-based sweep of the tasks of directive", StringComparison.Ordinal));
        await using var check = h.Db();
        Assert.Equal(40, await check.Outbox.CountAsync(Ct));
        Assert.Equal(["40 nhiệm vụ"], await check.Journal.Where(j => j.Action == "escalation.level1").Select(j => j.Detail).ToListAsync(Ct));
        Assert.Equal(40, await check.Tasks.CountAsync(t => t.EscalationLevel == 1, Ct));
        // The failed attempt's shared model went with its transaction: only the row path's one is left, named by all.
        var model = Assert.Single(await check.OutboxModels.ToListAsync(Ct));
        Assert.Equal(40, await check.Outbox.CountAsync(m => m.ModelId == model.Id, Ct));
    }

    private sealed class ListLogger : ILogger<DueWorkSweeper>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
