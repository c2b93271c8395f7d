using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Mailbox;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Organisation.Import;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using DirectiveFlow.Infrastructure.Telemetry;
using DirectiveFlow.Infrastructure.Tests.Engine;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Email.Digest;

/// <summary>
/// Issue 12's "done when": the Hà Nội list imported, the Party conclusion cascaded to its 504 ward units, the clock moved
/// 60 days past their 30-working-day deadline, then day after day of sweeps, with two dispatchers at once sending to an
/// SMTP server outside the product.
/// </summary>
public sealed partial class EscalationDigestScenarioTests
{
    private const string ThanhUyHead = "01-party.head@hanoi.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task After_a_60_day_jump_the_Thanh_uy_head_gets_one_digest_a_day_listing_every_escalated_task_and_each_ward_head_its_own_email(string provider)
    {
        await using var catcher = new EmbeddedSmtpCatcher(new CaughtMailbox(10_000), TimeProvider.System);
        await catcher.StartAsync(Ct);
        await using var host = await EngineHost.CreateAsync(provider, new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = catcher.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "DirectiveFlow <no-reply@hanoi.test>",
            ["Outbox:BaseUrl"] = "https://directiveflow.hanoi.test",
            ["Scheduling:Enabled"] = "false",
        });
        await host.Services.PrepareSchedulingAsync(Ct);
        var wardTasks = await CascadeToTheWardsAsync(host);
        Assert.Equal(504, wardTasks.Count);
        using var queuedDigests = new QueuedDigests();

        host.Clock.Advance(TimeSpan.FromDays(60));
        var digestsByDay = new Dictionary<DateOnly, int>();
        for (var day = 0; day < 4; day++)
        {
            await SweepAsync(host);
            await DispatchWithTwoNodesAsync(host);
            digestsByDay[VietnamTime.DateOf(host.Clock.GetUtcNow())] =
                catcher.Mailbox.All().Count(m => m.To.Contains(ThanhUyHead) && IsDigest(m.Subject)) - digestsByDay.Values.Sum();
            host.Clock.Advance(TimeSpan.FromDays(1));
        }

        var mail = catcher.Mailbox.All();
        // Every new task's lead unit was told of it once (the city plans' and the wards' "Nhiệm vụ mới", sent at the
        // first dispatch); what follows is about the escalations.
        var notices = mail.Where(m => m.Subject.StartsWith("[Nhiệm vụ mới]", StringComparison.Ordinal)).ToList();
        foreach (var (taskId, unit) in wardTasks)
        {
            Assert.Equal([unit.HeadEmail], Assert.Single(notices, m => m.Text.Contains(taskId.ToString(), StringComparison.Ordinal)).To);
        }

        var escalations = mail.Except(notices).ToList();

        // The Thành ủy's head: at most one digest a day, and together they list every ward task, each once.
        Assert.All(digestsByDay.Values, n => Assert.InRange(n, 0, 1));
        var toThanhUy = escalations.Where(m => m.To.Contains(ThanhUyHead)).ToList();
        var digest = Assert.Single(toThanhUy);
        Assert.Equal("[Tổng hợp quá hạn] 504 nhiệm vụ của 1 văn bản, 504 đơn vị", digest.Subject);
        var listed = TaskLinks().Matches(digest.Text).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(wardTasks.Keys.Order(), listed.Order());
        Assert.Contains("https://directiveflow.hanoi.test/overview", digest.Text, StringComparison.Ordinal);
        Assert.Contains("mức nhắc 3 (báo cáo lãnh đạo)", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("mức nhắc 2", digest.Text, StringComparison.Ordinal);

        // Each ward's head: its own per-task escalation, once, naming the ward unit in the subject.
        var overdue = mail.Where(m => m.Subject.StartsWith("[Quá hạn]", StringComparison.Ordinal)).ToList();
        Assert.Equal(504, overdue.Count);
        foreach (var (taskId, unit) in wardTasks)
        {
            var email = Assert.Single(overdue, m => m.Text.Contains(taskId.ToString(), StringComparison.Ordinal));
            Assert.Equal([unit.HeadEmail], email.To);
            Assert.StartsWith($"[Quá hạn] {unit.Name} – ", email.Subject, StringComparison.Ordinal);
        }

        // The other city pillars' heads (the wards' superiors) get one digest each of their 126 wards.
        foreach (var pillar in new[] { "01-council", "01-committee", "01-front" })
        {
            var theirs = Assert.Single(escalations, m => m.To.Contains($"{pillar}.head@hanoi.test"));
            Assert.Equal("[Tổng hợp quá hạn] 126 nhiệm vụ của 1 văn bản, 126 đơn vị", theirs.Subject);
        }

        // No email twice, every subject in Vietnamese only, every link on the configured address.
        Assert.Equal(mail.Count, mail.Select(m => (m.Subject, string.Join(';', m.To))).Distinct().Count());
        Assert.All(mail, m => Assert.Matches(VietnameseSubject(), m.Subject));
        Assert.All(mail.SelectMany(m => Links().Matches(m.Text)), l => Assert.StartsWith("https://directiveflow.hanoi.test/", l.Value, StringComparison.Ordinal));

        // Every held step is in exactly one digest, which was sent; nothing is left waiting.
        await using var db = host.Context();
        var rows = await db.Outbox.AsNoTracking().ToListAsync(Ct);
        Assert.DoesNotContain(rows, m => m.Status is OutboxStatus.Pending or OutboxStatus.Held or OutboxStatus.DeadLetter);
        var digests = rows.Where(m => m.DedupeKey.StartsWith("escalation-digest:", StringComparison.Ordinal)).ToDictionary(m => m.Id);
        Assert.Equal(4, digests.Count);
        Assert.All(digests.Values, d => Assert.Equal((OutboxStatus.Sent, 1), (d.Status, d.Attempts)));
        // Each digest counted as queued (source "digest"); other tests of this process may add theirs at the same time.
        Assert.True(queuedDigests.Count >= digests.Count, $"{queuedDigests.Count} digests counted as queued, {digests.Count} written");
        var digested = rows.Where(m => m.Status == OutboxStatus.Digested).ToList();
        Assert.All(digested, m => Assert.True(m.DigestId is { } id && digests.ContainsKey(id)));
        // Every ward task's step to the issuing leadership, and each ward's step to its superior; the PARTY wards' superior
        // IS the issuing leadership, so that step is there too unless the ladder already skips it (same recipient).
        Assert.InRange(digested.Count, 504 + 378, 504 + 378 + 126);
        Assert.All(digested, m => Assert.Contains(m.TaskId!.Value, wardTasks.Keys));
    }

    /// <summary>Imports Hà Nội, gives every unit's head an address, issues the Party conclusion and completes the four city plans.</summary>
    private static async Task<Dictionary<Guid, (string Name, string HeadEmail)>> CascadeToTheWardsAsync(EngineHost host)
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var import = await scope.ServiceProvider.GetRequiredService<OrganisationImporter>()
                .ImportAsync(await File.ReadAllBytesAsync(ReferenceData.HanoiCommunesCsv, Ct), Ct);
            Assert.True(import.Succeeded);
        }

        await using (var db = host.Context())
        {
            await db.Units.ExecuteUpdateAsync(s => s.SetProperty(u => u.HeadEmail, u => u.Code.ToLower() + ".head@hanoi.test"), Ct);
        }

        await host.PublishShippedAsync("party-conclusion");
        var issued = await host.IssueAsync("party-conclusion", "01-PARTY", """{"deadlineDays": 30}""");
        foreach (var plan in await FlowDriver.OpenTasksAsync(host, issued.InstanceId))
        {
            await host.SendAsync(new ResumeTaskCommand(plan.Id, "Done", "officer"));
        }

        var wards = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "carry-out");
        await using var read = host.Context();
        var units = await read.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => (u.Name, u.HeadEmail!), Ct);
        return wards.ToDictionary(t => t.Id, t => units[t.UnitId]);
    }

    private static async Task SweepAsync(EngineHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var sweeper = scope.ServiceProvider.GetRequiredService<DueWorkSweeper>();
        await sweeper.SweepAsync(host.Clock.GetUtcNow(), Ct);
        Assert.Equal(0, (await sweeper.SweepAsync(host.Clock.GetUtcNow(), Ct)).Effects);
    }

    /// <summary>Two dispatchers (as on two nodes) at once, again until nothing is due.</summary>
    private static async Task DispatchWithTwoNodesAsync(EngineHost host)
    {
        for (var round = 0; round < 20; round++)
        {
            await using var a = host.Services.CreateAsyncScope();
            await using var b = host.Services.CreateAsyncScope();
            var results = await Task.WhenAll(
                a.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(Ct),
                b.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(Ct));
            Assert.All(results, r => Assert.Equal(0, r.Failed));
            await using var db = host.Context();
            var now = host.Clock.GetUtcNow();
            if (!await db.Outbox.AnyAsync(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now, Ct)
                && !await db.Outbox.AnyAsync(m => m.Status == OutboxStatus.Held, Ct))
            {
                return;
            }
        }

        Assert.Fail("the outbox did not empty in 20 rounds of two dispatchers");
    }

    private static bool IsDigest(string subject) => subject.StartsWith("[Tổng hợp quá hạn]", StringComparison.Ordinal);

    [GeneratedRegex(@"https://directiveflow\.hanoi\.test/tasks/([0-9a-f-]{36})")]
    private static partial Regex TaskLinks();

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex Links();

    /// <summary>One of the Vietnamese subject prefixes, and no English word of the English templates.</summary>
    [GeneratedRegex(@"^\[(Nhiệm vụ mới|Nhắc việc|Đến hạn hôm nay|Quá hạn|Quá hạn – báo cáo lãnh đạo|Chưa báo cáo tiến độ|Tổng hợp quá hạn|Phối hợp|Trả lại để làm lại|Nhắc tiếp nhận nhiệm vụ|Chưa tiếp nhận nhiệm vụ)\](?!.*\b(Overdue|Reminder|working day|task\(s\))\b)")]
    private static partial Regex VietnameseSubject();

    /// <summary>Counts the emails the outbox counter records as queued by the digest writer.</summary>
    private sealed class QueuedDigests : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public QueuedDigests()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == DirectiveFlowTelemetry.Name && instrument.Name == "directiveflow.emails.queued")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag is { Key: "source", Value: "digest" })
                    {
                        Interlocked.Add(ref _count, value);
                    }
                }
            });
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
