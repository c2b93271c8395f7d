using DirectiveFlow.Infrastructure.Engine;
using DirectiveFlow.Infrastructure.Engine.Cascades;
using DirectiveFlow.Infrastructure.Engine.Recovery;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DirectiveFlow.Infrastructure.Tests.Engine.CascadeRecoveryTests;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

/// <summary>
/// Regression for issue 14 §7: a cascade issued on a node that died was finished only when that node restarted (0 of
/// 13,284 tasks on the surviving node a minute later). Nodes here are engine hosts on one database, each with its own
/// clock for leases.
/// </summary>
public sealed class CascadeTakeoverTests
{
    private static readonly TimeSpan Lease = new EngineOptions().CascadeLease;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cascade_whose_writer_died_is_finished_by_another_node_once_its_lease_runs_out(string provider)
    {
        var crash = new CrashAfterBatch(1);
        await using var a = await EngineHost.CreateAsync(provider, SmallBatches, crash);
        var cascadeId = await IssueAndCrashAsync(a, communes: 30);
        await using var b = EngineHost.OnDatabase(a.Database, SmallBatches);
        var recovery = b.Services.GetRequiredService<EngineRecoveryService>();

        // While A's lease runs, neither B's start-up recovery nor its periodic look touches the cascade.
        Assert.Equal(0, await recovery.RecoverAsync(EngineHost.Cancel));
        b.Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await recovery.TakeOverExpiredAsync(EngineHost.Cancel));
        b.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await recovery.TakeOverExpiredAsync(EngineHost.Cancel));

        await AssertExactlyOneTaskPerUnitAsync(b, 120);
        await AssertLeaseGoneAsync(b, cascadeId);
        // A was only stalled: back, it finds the cascade written and writes nothing.
        crash.Disarm();
        Assert.Equal(0, await a.Services.GetRequiredService<CascadeBatchRunner>().ContinueAsync(cascadeId, knownNew: true, EngineHost.Cancel));
        Assert.Equal(0, await recovery.TakeOverExpiredAsync(EngineHost.Cancel));
        var instanceId = await InstanceIdAsync(b);
        await FlowDriver.CompleteEverythingAsync(b, instanceId);
        Assert.Equal(1, await FlowDriver.JournalCountAsync(b, instanceId, "cascade.completed"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_nodes_racing_for_one_expired_lease_write_each_batch_once(string provider)
    {
        await using var a = await EngineHost.CreateAsync(provider, SmallBatches, new CrashAfterBatch(1));
        var cascadeId = await IssueAndCrashAsync(a, communes: 30);
        var (bBatches, cBatches) = (CrashAfterBatch.Never(), CrashAfterBatch.Never());
        await using var b = EngineHost.OnDatabase(a.Database, SmallBatches, bBatches);
        await using var c = EngineHost.OnDatabase(a.Database, SmallBatches, cBatches);
        b.Clock.Advance(Lease);
        c.Clock.Advance(Lease);

        // Both see the lease run out…
        Assert.Contains(cascadeId, await ExpiredAsync(b));
        Assert.Contains(cascadeId, await ExpiredAsync(c));
        // …and both go for it at once.
        var wrote = await Task.WhenAll(
            Task.Run(() => b.Services.GetRequiredService<CascadeBatchRunner>().ContinueAsync(cascadeId, knownNew: false, EngineHost.Cancel)),
            Task.Run(() => c.Services.GetRequiredService<CascadeBatchRunner>().ContinueAsync(cascadeId, knownNew: false, EngineHost.Cancel)));

        Assert.Equal(120 - 25, wrote.Sum());
        Assert.Contains(0, wrote);
        Assert.Equal([0, 4], new[] { bBatches.Seen, cBatches.Seen }.Order());
        await AssertExactlyOneTaskPerUnitAsync(a, 120);
        Assert.Equal(5, await FlowDriver.JournalCountAsync(a, await InstanceIdAsync(a), "cascade.batch"));
        await AssertLeaseGoneAsync(a, cascadeId);
    }

    [Fact]
    public async Task On_PostgreSQL_a_surviving_node_finishes_the_cascade_of_a_node_that_died_after_its_first_batch()
    {
        await using var database = await TestDatabase.CreatePostgresOrSkipAsync();
        var settings = new Dictionary<string, string?> { ["Engine:CascadeBatchSize"] = "100", ["Engine:InlineCascadeLimit"] = "10" };
        await using var a = EngineHost.OnDatabase(database, settings, new CrashAfterBatch(1));
        await using var b = EngineHost.OnDatabase(database, settings);
        await using (var db = a.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db);
        }

        await a.PublishAsync(TestFlows.Cascade("""{"levels": ["commune"]}"""));
        // B runs as a node does: start-up recovery, then its periodic look for leases that ran out.
        var survivor = b.Services.GetRequiredService<EngineRecoveryService>();
        await survivor.StartAsync(EngineHost.Cancel);
        try
        {
            // Issued on A, which dies after its first batch, holding the lease; its services are thrown away unstopped.
            await Assert.ThrowsAsync<CrashAfterBatch.SimulatedCrashException>(() => a.IssueAsync("wide", "01-PARTY"));
            await a.DisposeAsync();
            Assert.Equal(100, await TaskCountAsync(b));

            // B's periodic look leaves the cascade alone while A's lease runs; once it has run out, B finishes it.
            b.Clock.Advance(new EngineOptions().RecoveryInterval);
            await Task.Delay(300, EngineHost.Cancel);
            Assert.Equal(100, await TaskCountAsync(b));
            b.Clock.Advance(Lease);
            Assert.True(await Poll.UntilAsync(async () => await TaskCountAsync(b) == 504));

            await AssertExactlyOneTaskPerUnitAsync(b, 504);
            Assert.Equal(6, await FlowDriver.JournalCountAsync(b, await InstanceIdAsync(b), "cascade.batch"));
        }
        finally
        {
            await survivor.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Issues a cascade over the first <paramref name="communes"/> communes' pillar units on a node that dies after batch 1.</summary>
    private static async Task<Guid> IssueAndCrashAsync(EngineHost node, int communes)
    {
        await using (var db = node.Context())
        {
            await TestOrganisation.SeedHanoiAsync(db, communeLimit: communes);
        }

        await node.PublishAsync(TestFlows.Cascade("""{"levels": ["commune"]}"""));
        await Assert.ThrowsAsync<CrashAfterBatch.SimulatedCrashException>(() => node.IssueAsync("wide", "01-PARTY"));
        await using var read = node.Context();
        var cascade = await read.ActivityExecutions.SingleAsync(e => e.ActivityType == "Cascade", EngineHost.Cancel);
        Assert.Equal((4 * communes, 25), (cascade.ExpectedBranches, cascade.WrittenBranches));
        Assert.NotNull(cascade.LeaseOwner);
        return cascade.Id;
    }

    private static async Task<List<Guid>> ExpiredAsync(EngineHost node)
    {
        await using var db = node.Context();
        return await node.Services.GetRequiredService<CascadeLease>().ExpiredAsync(db, EngineHost.Cancel);
    }

    private static async Task AssertLeaseGoneAsync(EngineHost node, Guid cascadeId)
    {
        await using var db = node.Context();
        var cascade = await db.ActivityExecutions.SingleAsync(e => e.Id == cascadeId, EngineHost.Cancel);
        Assert.Equal((null, null), (cascade.LeaseOwner, cascade.LeaseUntil));
    }

    private static async Task<int> TaskCountAsync(EngineHost node)
    {
        await using var db = node.Context();
        return await db.Tasks.CountAsync(t => t.ActivityId == "work", EngineHost.Cancel);
    }
}
