using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models.LifeCycleEvents;
using WorkflowCore.Services;

namespace DirectiveFlow.Benchmarks.Peer;

/// <summary>How WorkflowCore is asked to do the work: one instance per unit, or one instance with ForEach over the units.</summary>
internal enum PeerModel
{
    InstancePerUnit,
    ForEachUnit,
}

/// <summary>
/// WorkflowCore 3.22.0 on its in-memory store (none of its persistence providers is served here), its default host
/// (as many concurrent workflows as cores, in-memory queue and locks): assigns N waiting tasks, then receives N
/// completions. Each phase ends when its effect is visible — N subscriptions stored, then N waits resumed and every
/// instance completed — and the counts are checked, so a model that does less cannot look faster.
/// </summary>
internal static class WorkflowCoreSide
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static async Task<(TimeSpan Issue, TimeSpan Complete)> RunAsync(PeerModel model, IReadOnlyList<string> units)
    {
        PeerCounters.Reset();
        var store = new MemoryPersistenceProvider();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddWorkflow(options => options.UsePersistence(_ => new CountingPersistence(store)))
            .BuildServiceProvider();
        var host = services.GetRequiredService<IWorkflowHost>();
        host.RegisterWorkflow<PerUnitWorkflow, UnitTaskData>();
        host.RegisterWorkflow<ForEachUnitWorkflow, DirectiveData>();
        host.OnLifeCycleEvent += e =>
        {
            if (e is WorkflowCompleted)
            {
                PeerCounters.Finish();
            }
        };
        host.Start();
        try
        {
            var n = units.Count;
            var watch = Stopwatch.StartNew();
            if (model == PeerModel.InstancePerUnit)
            {
                foreach (var unit in units)
                {
                    await host.StartWorkflow(PerUnitWorkflow.Name, new UnitTaskData { Unit = unit });
                }
            }
            else
            {
                await host.StartWorkflow(ForEachUnitWorkflow.Name, new DirectiveData { Units = [.. units] });
            }

            await UntilAsync(() => PeerCounters.Waiting >= n, () => $"{PeerCounters.Waiting:N0} of {n:N0} tasks waiting");
            var issue = watch.Elapsed;
            if (PeerCounters.Assigned != n || PeerCounters.Waiting != n)
            {
                throw new InvalidOperationException($"WorkflowCore ({model}) assigned {PeerCounters.Assigned:N0} and left {PeerCounters.Waiting:N0} waiting, not {n:N0}.");
            }

            var instances = model == PeerModel.InstancePerUnit ? n : 1;
            watch.Restart();
            foreach (var unit in units)
            {
                await host.PublishEvent(PeerEvents.TaskCompleted, unit, "Đã hoàn thành");
            }

            await UntilAsync(() => PeerCounters.Completed >= n && PeerCounters.Finished >= instances,
                () => $"{PeerCounters.Completed:N0} of {n:N0} completions, {PeerCounters.Finished:N0} of {instances:N0} instances finished");
            var complete = watch.Elapsed;
            if (PeerCounters.Completed != n || PeerCounters.Finished != instances)
            {
                throw new InvalidOperationException($"WorkflowCore ({model}) made {PeerCounters.Completed:N0} completions and finished {PeerCounters.Finished:N0} instances, not {n:N0} and {instances:N0}.");
            }

            return (issue, complete);
        }
        finally
        {
            host.Stop();
        }
    }

    /// <summary>Polls every millisecond or so (the phases take far longer); fails loudly after <see cref="Limit"/>.</summary>
    private static async Task UntilAsync(Func<bool> done, Func<string> progress)
    {
        var watch = Stopwatch.StartNew();
        while (!done())
        {
            if (watch.Elapsed > Limit)
            {
                throw new TimeoutException($"WorkflowCore: after {Limit.TotalMinutes:F0} minutes only {progress()}.");
            }

            await Task.Delay(1);
        }
    }
}
