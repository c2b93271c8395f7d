using System.Globalization;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Persistence.Sql;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using static DirectiveFlow.Infrastructure.Tests.Scheduling.SchedulingHarness;

namespace DirectiveFlow.Infrastructure.Tests.Scheduling;

/// <summary>
/// The set-based path over uniform due groups must do exactly what the row-by-row path does. Two databases get the same varied
/// population (statuses, deadlines, creation times either side of a reminder, cadences and last reports, policies,
/// ladder positions, units with and without heads, titles with quotes and markup); one is swept row by row, the other
/// with every group set-based, at the same instants over four weeks; after each sweep tasks, outbox and journal match.
/// </summary>
public sealed class UniformDueGroupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string?[] Policies =
    [
        null,
        """{"reminders":{"beforeWorkingDays":[3]},"escalation":{"steps":[{"afterWorkingDays":0,"to":"unitHead"},{"afterWorkingDays":1,"to":"parentHead","raise":true}],"raiseAfterChases":1}}""",
        "{ not json",
        // Two steps per recipient (a catch-up mails only the highest), one immediate, and a quick acknowledgement rule.
        """{"escalation":{"steps":[{"afterWorkingDays":0,"to":"unitHead"},{"afterWorkingDays":1,"to":"unitHead"},{"afterWorkingDays":2,"to":"parentHead","immediate":true},{"afterWorkingDays":4,"to":"parentHead"}],"raiseAfterChases":2},"acknowledge":{"remindAfterWorkingDays":1,"escalateAfterWorkingDays":1}}""",
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Group_sweeps_write_the_same_tasks_outbox_and_journal_as_row_sweeps(string provider)
    {
        await using var rows = await CreateAsync(provider);
        await using var groups = await CreateAsync(provider);
        groups.UniformGroupMinimum = 1;
        foreach (var h in new[] { rows, groups })
        {
            await SeedPopulationAsync(h);
        }

        var largestGroup = 0;
        for (var day = 0; day < 28; day++)
        {
            // The server is down (or the demo clock jumps) from day 3 to day 15: the sweep then catches up.
            if (day is > 3 and < 15)
            {
                continue;
            }

            foreach (var (hour, minute) in new[] { (8, 5), (17, 5) })
            {
                var at = Local(2026, 3, 2, hour, minute).AddDays(day);
                if (at <= rows.Clock.GetUtcNow())
                {
                    continue;
                }

                rows.MoveTo(at);
                groups.MoveTo(at);
                largestGroup = Math.Max(largestGroup, await LargestGroupAsync(groups));
                var byRows = await rows.SweepAsync();
                var byGroups = await groups.SweepAsync();
                Assert.Equal(byRows.Effects, byGroups.Effects);
                await AssertSameStateAsync(rows, groups, at);
            }
        }

        // The population really exercised groups with many members, not only singletons.
        Assert.True(largestGroup >= 20, $"largest group had {largestGroup} tasks");
        await using var db = groups.Db();
        Assert.True(await db.Outbox.CountAsync(Ct) > 200);
        // The catch-up skipped steps, and tasks left unacknowledged were reminded and escalated, on both paths alike.
        Assert.True(await db.Journal.CountAsync(j => j.Action == DueEffect.SkippedAction, Ct) > 0);
        var keys = await db.Outbox.Select(m => m.DedupeKey).ToListAsync(Ct);
        Assert.Contains(keys, k => k.StartsWith(DueEffect.NotAcknowledgedKey, StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith(DueEffect.NotAcknowledgedEscalationKey, StringComparison.Ordinal));
        // And rows that cannot be addressed (ward 5) beside those that can.
        var (_, outbox, _) = await StateAsync(groups);
        Assert.Contains(outbox, o => o.Fields.StartsWith("No one can receive it: unit 00105-COMMITTEE", StringComparison.Ordinal));
        Assert.Contains(outbox, o => o.Fields.StartsWith("addressed|", StringComparison.Ordinal));
    }

    private static async Task<int> LargestGroupAsync(SchedulingHarness h)
    {
        await using var db = h.Db();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var found = await UniformDueGroup.FindAsync(connection, ProviderSql.For(db).DueGroups!, new ProviderValues(db.Database.ProviderName), h.Clock.GetUtcNow(), 1, Ct);
        return found.Count == 0 ? 0 : found.Max(c => c.Count);
    }

    private static async Task AssertSameStateAsync(SchedulingHarness rows, SchedulingHarness groups, DateTimeOffset at)
    {
        var (rowTasks, rowOutbox, rowJournal) = await StateAsync(rows);
        var (groupTasks, groupOutbox, groupJournal) = await StateAsync(groups);
        Assert.True(rowTasks.SequenceEqual(groupTasks), $"tasks differ after the sweep at {at:u}");
        Assert.Equal(rowOutbox.Select(m => m.Key), groupOutbox.Select(m => m.Key));
        for (var i = 0; i < rowOutbox.Count; i++)
        {
            Assert.Equal(rowOutbox[i].Fields, groupOutbox[i].Fields);
            Assert.True(JsonNode.DeepEquals(rowOutbox[i].Model, groupOutbox[i].Model),
                $"{rowOutbox[i].Key}: {rowOutbox[i].Model?.ToJsonString()} ≠ {groupOutbox[i].Model?.ToJsonString()}");
        }

        Assert.Equal(rowJournal, groupJournal);
    }

    private static async Task<(List<string> Tasks, List<(string Key, string Fields, JsonNode? Model)> Outbox, List<string> Journal)> StateAsync(SchedulingHarness h)
    {
        await using var db = h.Db();
        var tasks = (await db.Tasks.AsNoTracking().ToListAsync(Ct))
            .OrderBy(t => t.Id)
            .Select(t => $"{t.Id} {t.NextActionAt:O} {t.ChaseCount} {t.EscalationLevel} {t.IsRaised}")
            .ToList();
        // A group writes one model per step, shared by its rows, and leaves their recipients to dispatch; the row path
        // writes each row's own. Both are compared as the dispatcher completes them.
        var rows = await db.Outbox.AsNoTracking().ToListAsync(Ct);
        var shared = await SharedModelRows.LoadAsync(db, rows, Ct);
        var outbox = rows
            .OrderBy(m => m.TaskId).ThenBy(m => m.DedupeKey, StringComparer.Ordinal)
            .Select(m => ($"{m.TaskId} {m.DedupeKey}", $"{Complete(shared, m)}|{m.To}|{m.Subject}|{m.Template}|{m.TaskId}|{m.DirectiveId}|{m.Status}|{m.Attempts}|{m.CreatedAt:O}|{m.NextAttemptAt:O}",
                m.ModelJson is null ? null : JsonNode.Parse(m.ModelJson)))
            .ToList();
        // The directive's journal counts each step per sweep transaction (a page or a group): compared as totals.
        var journal = (await db.Journal.AsNoTracking().ToListAsync(Ct))
            .GroupBy(j => $"{j.TaskId} {j.DirectiveId} {j.InstanceId} {j.ActivityId} {j.At:O} {j.Actor} {j.Action}")
            .Select(g => $"{g.Key} {g.Sum(j => int.Parse(new string((j.Detail ?? "").Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture))}")
            .Order(StringComparer.Ordinal)
            .ToList();
        return (tasks, outbox, journal);
    }

    /// <summary>Completes the row as the dispatcher does; answers why it cannot be, or "addressed".</summary>
    private static string Complete(SharedModelRows shared, Core.Email.OutboxMessage row)
    {
        try
        {
            shared.Address(row);
            shared.Complete(row, "vi");
            return "addressed";
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }

    /// <summary>The same rows in every harness: fixed ids, a seeded random choice of shapes.</summary>
    private static async Task SeedPopulationAsync(SchedulingHarness h)
    {
        var start = h.Clock.GetUtcNow();
        var wards = new List<OrgUnit> { h.Ward };
        for (var i = 1; i <= 5; i++)
        {
            wards.Add(new OrgUnit
            {
                Id = FixedId($"ward-{i}"),
                Code = $"0010{i}-COMMITTEE",
                Name = i == 3 ? "UBND xã \"Sóc Sơn\" <mới>" : $"UBND phường số {i}",
                // Ward 5 has no address at all: its own emails wait as dead letters, on both paths.
                HeadName = i is 2 or 5 ? null : $"Chủ tịch {i}",
                HeadEmail = i is 2 or 5 ? null : $"chutich{i}@xa.hanoi.gov.vn",
                ContactEmails = i % 2 == 0 ? $"vanphong{i}@xa.hanoi.gov.vn; vanthu{i}@xa.hanoi.gov.vn" : null,
                ParentId = i == 4 ? null : h.Parent.Id,
                Pillar = Pillar.Committee,
                Level = UnitLevel.Commune,
                LocalityId = FixedId("locality"),
                LocalityCode = $"0010{i}",
            });
        }

        var second = new Directive
        {
            Id = FixedId("directive-2"),
            Number = "Chỉ thị số 05/CT-UBND",
            Title = "Chuyển đổi số & \"cải cách\" hành chính",
            IssuingUnitId = h.Parent.Id,
            WorkflowDefinitionId = "committee-directive",
            WorkflowVersion = 1,
            InstanceId = FixedId("instance-2"),
            CreatedAt = start,
        };

        var random = new Random(2026);
        var tasks = new List<UnitTask>();
        UnitTaskStatus[] statuses =
        [
            UnitTaskStatus.Assigned, UnitTaskStatus.Acknowledged, UnitTaskStatus.InProgress, UnitTaskStatus.Reported,
            UnitTaskStatus.Returned, UnitTaskStatus.Completed, UnitTaskStatus.Cancelled,
        ];
        for (var group = 0; group < 40; group++)
        {
            var size = group % 4 == 0 ? 30 : random.Next(1, 8);
            var directive = group % 5 == 4 ? second : h.Directive;
            var due = h.Calendar.AddWorkingDays(start, new[] { 1, 3, 5, 8 }[random.Next(4)]);
            var status = statuses[random.Next(statuses.Length)];
            var cadence = (ProgressCadence)random.Next(3);
            var policy = Policies[random.Next(Policies.Length)];
            var (level, chases) = random.Next(4) == 0 ? (1, 1) : (0, 0);
            var acknowledged = status == UnitTaskStatus.Assigned ? (DateTimeOffset?)null : start.AddHours(2);
            for (var i = 0; i < size; i++)
            {
                // Some groups were created over several days, so a reminder falls between their creation times.
                var created = group % 3 == 0 ? start.AddHours(-24 * random.Next(3)) : start;
                var n = tasks.Count;
                tasks.Add(new UnitTask
                {
                    Id = FixedId($"task-{n}"),
                    DirectiveId = directive.Id,
                    InstanceId = directive.InstanceId,
                    ActivityId = $"act-{n}",
                    UnitId = wards[random.Next(wards.Count)].Id,
                    AssignerUnitId = directive.IssuingUnitId,
                    Title = n % 7 == 0 ? $"Nhiệm vụ \"đặc biệt\" <b>số {n}</b> & 'kiểm tra' \\ /" : $"Nhiệm vụ số {n}",
                    Status = status,
                    CreatedAt = created,
                    DueAt = due,
                    OriginalDueAt = due,
                    AcknowledgedAt = acknowledged,
                    LastProgressAt = cadence != ProgressCadence.None && i % 4 == 1 ? start.AddHours(26) : null,
                    ProgressCadence = cadence,
                    PolicyJson = policy,
                    EscalationLevel = level,
                    ChaseCount = chases,
                    NextActionAt = created,
                });
            }
        }

        await using var db = h.Db();
        db.Units.AddRange(wards.Skip(1));
        db.Directives.Add(second);
        await db.SaveChangesAsync(Ct);
        db.Tasks.AddRange(tasks);
        await db.SaveChangesAsync(Ct);
    }
}
