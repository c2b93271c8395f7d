using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Infrastructure.Engine.Recovery;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Engine.Notices;

public sealed class AssignmentNoticeTests
{
    /// <summary>A cascade whose branch task names the city Front as its supporting unit, with instructions.</summary>
    private static string CascadeWithSupport() => TestFlows.Cascade("""{"levels": ["commune"]}""").Replace(
        """{"title": "Thực hiện tại {{unit.name}}", "deadline": {"workingDays": 5} }""",
        """{"title": "Thực hiện tại {{unit.name}}", "instructions": "Báo cáo kết quả tại {{unit.name}}.", "supporting": {"units": ["01-FRONT"]}, "deadline": {"workingDays": 5} }""",
        StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_batched_cascade_gives_every_task_one_notice_to_its_lead_and_one_to_each_supporting_unit(string provider)
    {
        await using var host = await EngineHost.CreateAsync(provider, CascadeRecoveryTests.SmallBatches);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 12);
        }

        var flow = CascadeWithSupport();
        Assert.Contains("supporting", flow, StringComparison.Ordinal);
        await host.PublishAsync(flow);
        await host.IssueAsync("wide", "01-PARTY");

        await using var read = host.Context();
        var tasks = await read.Tasks.AsNoTracking().Where(t => t.ActivityId == "work").ToDictionaryAsync(t => t.Id, EngineHost.Cancel);
        Assert.Equal(48, tasks.Count);
        var front = await read.Units.SingleAsync(u => u.Code == "01-FRONT", EngineHost.Cancel);
        var units = await read.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, EngineHost.Cancel);
        var rows = (await SentNotices.RowsAsync(read, EngineHost.Cancel)).Where(r => tasks.ContainsKey(r.TaskId!.Value)).ToList();

        var lead = rows.Where(r => r.Template == "assigned").ToList();
        var support = rows.Where(r => r.Template == "supporting").ToList();
        Assert.Equal(tasks.Keys.Order(), lead.Select(r => r.TaskId!.Value).Order());
        Assert.Equal(tasks.Keys.Order(), support.Select(r => r.TaskId!.Value).Order());
        Assert.All(support, r => Assert.Equal(front.Id, AssignmentKeys.SupportingUnitOf(r.DedupeKey)));
        // One model per recipient role for the whole cascade step (batches of 25 write it again), never one per task.
        Assert.InRange(rows.Select(r => r.ModelId).Distinct().Count(), 2, 2 * 3);
        Assert.All(rows, r => Assert.Equal(("", ""), (r.To, r.Subject)));

        foreach (var (row, email) in await SentNotices.RenderAsync(read, rows, "vi", EngineHost.Cancel))
        {
            var task = tasks[row.TaskId!.Value];
            var unit = units[task.UnitId];
            Assert.Contains(task.Title, email.Subject, StringComparison.Ordinal);
            Assert.DoesNotContain(" / ", email.Subject, StringComparison.Ordinal);
            Assert.Contains($"/tasks/{task.Id}", email.TextBody, StringComparison.Ordinal);
            Assert.Contains("09/03/2026", email.TextBody, StringComparison.Ordinal);
            Assert.Contains("5 ngày làm việc", email.TextBody, StringComparison.Ordinal);
            Assert.Contains($"Báo cáo kết quả tại {unit.Name}.", email.TextBody, StringComparison.Ordinal);
            Assert.Contains(task.Title, email.IcsContent, StringComparison.Ordinal);
            if (row.Template == "assigned")
            {
                Assert.StartsWith("[Nhiệm vụ mới] " + unit.Name, email.Subject, StringComparison.Ordinal);
                Assert.Contains(unit.HeadEmail!, row.To, StringComparison.Ordinal);
            }
            else
            {
                Assert.StartsWith("[Phối hợp] " + front.Name, email.Subject, StringComparison.Ordinal);
                Assert.Contains(unit.Name + "</strong> (đơn vị chủ trì)", email.HtmlBody, StringComparison.Ordinal);
                Assert.Contains(front.HeadEmail!, row.To, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_crash_between_batches_and_its_resume_send_each_task_and_supporting_unit_its_notice_once(string provider)
    {
        var crash = new CrashAfterBatch(2);
        await using var host = await EngineHost.CreateAsync(provider, CascadeRecoveryTests.SmallBatches, crash);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 20);
        }

        await host.PublishAsync(CascadeWithSupport());
        await Assert.ThrowsAsync<CrashAfterBatch.SimulatedCrashException>(() => host.IssueAsync("wide", "01-PARTY"));
        await using (var db = host.Context())
        {
            Assert.Equal((50, 50), await CountsAsync(db));
        }

        crash.Disarm();
        await host.Services.GetRequiredService<EngineRecoveryService>().RecoverAsync(EngineHost.Cancel);
        await using (var db = host.Context())
        {
            Assert.Equal((80, 80), await CountsAsync(db));
            await db.ActivityExecutions.ExecuteUpdateAsync(s => s.SetProperty(e => e.WrittenBranches, 0), EngineHost.Cancel);
        }

        // Every batch written again over rows that exist: no task, so no notice, is written twice.
        await host.Services.GetRequiredService<EngineRecoveryService>().RecoverAsync(EngineHost.Cancel);
        await using (var db = host.Context())
        {
            Assert.Equal((80, 80), await CountsAsync(db));
        }
    }

    /// <summary>The lead and supporting notices of the branch tasks, each checked to be one per task.</summary>
    private static async Task<(int Lead, int Supporting)> CountsAsync(DirectiveFlow.Infrastructure.Persistence.DirectiveFlowDbContext db)
    {
        await SentNotices.ExpandAllAsync(db, EngineHost.Cancel);
        var work = await db.Tasks.Where(t => t.ActivityId == "work").Select(t => t.Id).ToListAsync(EngineHost.Cancel);
        var rows = await db.Outbox.Where(m => m.TaskId != null && work.Contains(m.TaskId.Value))
            .Select(m => new { m.TaskId, m.Template }).ToListAsync(EngineHost.Cancel);
        var lead = rows.Where(r => r.Template == "assigned").Select(r => r.TaskId).ToList();
        var supporting = rows.Where(r => r.Template == "supporting").Select(r => r.TaskId).ToList();
        Assert.Equal(work.Count, lead.Distinct().Count());
        Assert.Equal(lead.Count, lead.Distinct().Count());
        Assert.Equal(supporting.Count, supporting.Distinct().Count());
        return (lead.Count, supporting.Count);
    }
}
