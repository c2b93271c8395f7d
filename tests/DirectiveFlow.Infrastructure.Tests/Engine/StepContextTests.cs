using DirectiveFlow.Core.Email;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Infrastructure.Engine;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

/// <summary>
/// A step's writes ride on its context until its last save (a cascade's notice list, its execution and journal are
/// saved there), so the step protocol (<see cref="IWorkflowEngine.RunStepAsync{T}"/>) must leave a context that runs
/// many steps (the delay sweep's) clean: a rolled-back step's additions are not saved by the next step, and what a
/// committed step wrote for the engine alone is let go.
/// </summary>
public sealed class StepContextTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_rolled_back_steps_additions_are_not_saved_by_the_next_step_on_the_same_context(string provider)
    {
        await using var host = await EngineHost.CreateAsync(provider);
        await using var scope = host.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<IWorkflowEngine>();
        var db = scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>();

        var rolledBack = await engine.RunStepAsync(db, () =>
        {
            db.OutboxModels.Add(Notices("rolled back"));
            db.Journal.Add(Entry("rolled.back"));
            return Task.FromResult(StepOutcome.RolledBack("no"));
        }, EngineHost.Cancel);
        Assert.Equal("no", rolledBack);

        var committed = await engine.RunStepAsync(db, () =>
        {
            db.OutboxModels.Add(Notices("committed"));
            db.Journal.Add(Entry("committed"));
            return Task.FromResult(StepOutcome.Committed("yes", []));
        }, EngineHost.Cancel);
        Assert.Equal("yes", committed);

        await using var read = host.Context();
        Assert.Equal(["committed"], await read.OutboxModels.Select(m => m.Json).ToListAsync(EngineHost.Cancel));
        Assert.Equal(["committed"], await read.Journal.Where(j => j.Action == "committed" || j.Action == "rolled.back").Select(j => j.Action).ToListAsync(EngineHost.Cancel));
        // The committed notice list is not kept by the context that ran the step; its journal line may be.
        Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.Entity is OutboxModel);
    }

    private static OutboxModel Notices(string json) => new()
    {
        Json = json, RecipientRole = "unit", CreatedAt = DateTimeOffset.UnixEpoch, Notices = "", NoticeCount = 0,
    };

    private static JournalEntry Entry(string action) => new()
    {
        DirectiveId = Guid.NewGuid(), InstanceId = Guid.NewGuid(), At = DateTimeOffset.UnixEpoch, Actor = "test", Action = action,
    };
}
