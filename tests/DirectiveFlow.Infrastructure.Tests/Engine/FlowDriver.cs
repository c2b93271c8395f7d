using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Engine.Commands;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

/// <summary>Plays the units: completes whatever is open, round after round, as the inbox would.</summary>
public static class FlowDriver
{
    public static async Task<List<UnitTask>> OpenTasksAsync(EngineHost host, Guid instanceId, string? activityId = null)
    {
        await using var db = host.Context();
        return await db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.Status != UnitTaskStatus.Completed && t.Status != UnitTaskStatus.Cancelled)
            .Where(t => activityId == null || t.ActivityId == activityId)
            .OrderBy(t => t.ActivityId).ToListAsync(EngineHost.Cancel);
    }

    /// <summary>Completes every open task (accepting any review) until none is left; answers how many rounds it took.</summary>
    public static async Task<int> CompleteEverythingAsync(EngineHost host, Guid instanceId, int maxRounds = 10)
    {
        for (var round = 1; round <= maxRounds; round++)
        {
            var open = await OpenTasksAsync(host, instanceId);
            if (open.Count == 0)
            {
                return round - 1;
            }

            foreach (var task in open)
            {
                Assert.Equal(ResumeResult.Resumed, await host.SendAsync(new ResumeTaskCommand(task.Id, "Done", "officer")));
            }
        }

        throw new InvalidOperationException($"Instance {instanceId} still has open tasks after {maxRounds} rounds.");
    }

    public static async Task<WorkflowInstance> InstanceAsync(EngineHost host, Guid instanceId)
    {
        await using var db = host.Context();
        return await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == instanceId, EngineHost.Cancel);
    }

    public static async Task<int> JournalCountAsync(EngineHost host, Guid instanceId, string action)
    {
        await using var db = host.Context();
        return await db.Journal.CountAsync(j => j.InstanceId == instanceId && j.Action == action, EngineHost.Cancel);
    }
}
