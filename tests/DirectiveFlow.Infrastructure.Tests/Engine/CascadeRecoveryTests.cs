using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Engine.Cascades;
using DirectiveFlow.Infrastructure.Engine.Recovery;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

public sealed class CascadeRecoveryTests
{
    internal static readonly Dictionary<string, string?> SmallBatches = new()
    {
        ["Engine:CascadeBatchSize"] = "25",
        ["Engine:InlineCascadeLimit"] = "10",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Engine_stopped_between_batches_finishes_the_cascade_at_restart_with_exactly_N_tasks(string provider)
    {
        var crash = new CrashAfterBatch(2);
        await using var host = await EngineHost.CreateAsync(provider, SmallBatches, crash);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 30);
        }

        await host.PublishAsync(TestFlows.Cascade("""{"levels": ["commune"]}"""));
        var issued = await Assert.ThrowsAsync<CrashAfterBatch.SimulatedCrashException>(() => host.IssueAsync("wide", "01-PARTY"));
        Assert.NotNull(issued);

        await using (var db = host.Context())
        {
            var cascade = await db.ActivityExecutions.SingleAsync(e => e.ActivityType == "Cascade", EngineHost.Cancel);
            Assert.Equal(120, cascade.ExpectedBranches);
            Assert.Equal(50, cascade.WrittenBranches);
            Assert.Equal(50, await db.Tasks.CountAsync(EngineHost.Cancel));
        }

        crash.Disarm();
        var recovered = await host.Services.GetRequiredService<EngineRecoveryService>().RecoverAsync(EngineHost.Cancel);

        Assert.Equal(1, recovered);
        await AssertExactlyOneTaskPerUnitAsync(host, 120);
        var instanceId = await InstanceIdAsync(host);
        await FlowDriver.CompleteEverythingAsync(host, instanceId);
        Assert.Equal(WorkflowInstanceStatus.Completed, (await FlowDriver.InstanceAsync(host, instanceId)).Status);
        Assert.Equal(1, await FlowDriver.JournalCountAsync(host, instanceId, "cascade.completed"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rerunning_batches_whose_checkpoint_was_lost_skips_the_rows_that_exist(string provider)
    {
        await using var host = await EngineHost.CreateAsync(provider, SmallBatches);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 15);
        }

        await host.PublishAsync(TestFlows.Cascade("""{"levels": ["commune"]}"""));
        await host.IssueAsync("wide", "01-PARTY");
        await AssertExactlyOneTaskPerUnitAsync(host, 60);
        await using (var db = host.Context())
        {
            await db.ActivityExecutions.ExecuteUpdateAsync(s => s.SetProperty(e => e.WrittenBranches, 0), EngineHost.Cancel);
        }

        await host.Services.GetRequiredService<EngineRecoveryService>().RecoverAsync(EngineHost.Cancel);

        await AssertExactlyOneTaskPerUnitAsync(host, 60);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_large_cascade_is_written_in_the_background_after_issuing_returns_with_progress_visible(string provider)
    {
        var settings = new Dictionary<string, string?>(SmallBatches) { ["Engine:BackgroundCascades"] = "true" };
        await using var host = await EngineHost.CreateAsync(provider, settings);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 20);
        }

        await host.PublishAsync(TestFlows.Cascade("""{"levels": ["commune"]}"""));
        var worker = host.Services.GetRequiredService<EngineRecoveryService>();
        await worker.StartAsync(EngineHost.Cancel);
        try
        {
            var issued = await host.IssueAsync("wide", "01-PARTY");
            var detail = await host.QueryAsync(new GetDirectiveQuery(issued.Id));
            Assert.Equal(80, detail!.Cascade.Expected);

            for (var wait = 0; wait < 300 && detail.Cascade.Written < 80; wait++)
            {
                await Task.Delay(100, EngineHost.Cancel);
                detail = (await host.QueryAsync(new GetDirectiveQuery(issued.Id)))!;
            }

            Assert.Equal(new CascadeProgress(80, 80), detail.Cascade);
            await AssertExactlyOneTaskPerUnitAsync(host, 80);
        }
        finally
        {
            await worker.StopAsync(EngineHost.Cancel);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_flaw_met_in_a_batch_faults_the_instance_once_instead_of_failing_every_recovery(string provider)
    {
        // Regression: a batch whose branch met a failing condition rolled back whole, left the instance running and the
        // cascade's lease in place, and failed again at every recovery and lease takeover, on every node, for ever.
        await using var host = await EngineHost.CreateAsync(provider, SmallBatches);
        await using (var db = host.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: 15);
        }

        await host.PublishAsync("""
            {
              "id": "flawed-branch", "name": "Flawed branch", "inputs": [],
              "activities": [
                {"id": "start", "type": "Start", "properties": {}},
                {"id": "fan-out", "type": "Cascade", "properties": {"targets": {"levels": ["commune"]}}},
                {"id": "check", "type": "Decision", "properties": {"condition": "inputs.missing.value === 1"}},
                {"id": "work", "type": "UnitTask", "properties": {"title": "Thực hiện", "deadline": {"workingDays": 5}}},
                {"id": "end", "type": "End", "properties": {}}
              ],
              "connections": [
                {"source": "start", "outcome": "Done", "target": "fan-out"},
                {"source": "fan-out", "outcome": "Each", "target": "check"},
                {"source": "check", "outcome": "True", "target": "work"}, {"source": "check", "outcome": "False", "target": "work"},
                {"source": "fan-out", "outcome": "Done", "target": "end"}
              ]
            }
            """);

        var issued = await host.IssueAsync("flawed-branch", "01-PARTY");

        var instance = await FlowDriver.InstanceAsync(host, issued.InstanceId);
        Assert.Equal(WorkflowInstanceStatus.Faulted, instance.Status);
        Assert.Contains("check", instance.FaultMessage, StringComparison.Ordinal);
        var recovery = host.Services.GetRequiredService<EngineRecoveryService>();
        await recovery.RecoverAsync(EngineHost.Cancel);
        Assert.Equal(0, await recovery.TakeOverExpiredAsync(EngineHost.Cancel));
        Assert.Equal(1, await FlowDriver.JournalCountAsync(host, issued.InstanceId, "instance.faulted"));
        await using var read = host.Context();
        Assert.Equal(0, await read.Tasks.CountAsync(EngineHost.Cancel));
        var cascade = await read.ActivityExecutions.SingleAsync(e => e.ActivityType == "Cascade", EngineHost.Cancel);
        Assert.Null(cascade.LeaseUntil);
    }

    /// <summary>
    /// Exactly <paramref name="expected"/> branch tasks, one per unit, each given to its unit by exactly one notice, and
    /// the checkpoint at the end.
    /// </summary>
    internal static async Task AssertExactlyOneTaskPerUnitAsync(EngineHost host, int expected)
    {
        await using var db = host.Context();
        var work = await db.Tasks.Where(t => t.ActivityId == "work").Select(t => new { t.Id, t.UnitId }).ToListAsync(EngineHost.Cancel);
        Assert.Equal(expected, work.Count);
        Assert.Equal(expected, work.Select(t => t.UnitId).Distinct().Count());
        var ids = work.Select(t => t.Id).ToList();
        await Notices.SentNotices.ExpandAllAsync(db, EngineHost.Cancel);
        var noticed = await db.Outbox.Where(m => m.Template == "assigned" && m.TaskId != null && ids.Contains(m.TaskId.Value))
            .Select(m => m.TaskId!.Value).ToListAsync(EngineHost.Cancel);
        Assert.Equal(ids.Order(), noticed.Order());
        var cascade = await db.ActivityExecutions.SingleAsync(e => e.ActivityType == "Cascade", EngineHost.Cancel);
        Assert.Equal(expected, cascade.WrittenBranches);
    }

    internal static async Task<Guid> InstanceIdAsync(EngineHost host)
    {
        await using var db = host.Context();
        return await db.WorkflowInstances.Select(i => i.Id).SingleAsync(EngineHost.Cancel);
    }
}
