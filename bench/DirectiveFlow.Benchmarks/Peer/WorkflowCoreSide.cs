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
/// WorkflowCore 3.22.0 on a database (<see cref="SqlPersistenceProvider"/>, emptied first) or, for reference, on its
/// in-memory store; its single-node host (in-memory queue and locks, <see cref="Settings"/>): assigns N waiting tasks,
/// then receives N completions. Each phase ends when its effect is visible — N subscriptions stored, then N waits
/// resumed and every instance completed — and the counts are checked, so a model that does less cannot look faster.
/// </summary>
internal static class WorkflowCoreSide
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    /// <summary>How long the store may lag behind WorkflowCore's own counters once every completion is counted.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the host polls its store for runnable instances, unprocessed events and scheduled commands (its
    /// default is 10 s; an event that arrives while its instance is locked waits for the next poll).
    /// DIRECTIVEFLOW_BENCH_PEER_POLL_MS overrides it.
    /// </summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(
        int.TryParse(Environment.GetEnvironmentVariable("DIRECTIVEFLOW_BENCH_PEER_POLL_MS"), out var ms) && ms > 0 ? ms : 100);

    /// <summary>How long a queue consumer sleeps when its queue is empty (its default is 100 ms).</summary>
    private static readonly TimeSpan IdleTime = TimeSpan.FromMilliseconds(5);

    /// <summary>Workflows run at once: WorkflowCore's default, max(cores, 4).</summary>
    private static readonly int Concurrency = Math.Max(Environment.ProcessorCount, 4);

    public static string Settings => $"poll every {PollInterval.TotalMilliseconds:N0} ms (default 10 s), idle {IdleTime.TotalMilliseconds:N0} ms (default 100 ms), " +
        $"{Concurrency} workflows at once (default), single-node queue and locks";

    public static async Task<(TimeSpan Issue, TimeSpan Complete)> RunAsync(PeerModel model, IReadOnlyList<string> units, PeerSqlStore? database)
    {
        PeerCounters.Reset();
        IPersistenceProvider store;
        if (database is null)
        {
            store = new MemoryPersistenceProvider();
        }
        else
        {
            database.EnsureCreated();
            database.Reset();
            store = new SqlPersistenceProvider(database);
        }

        await using var services = new ServiceCollection()
            .AddLogging()
            .AddWorkflow(options =>
            {
                options.UsePersistence(_ => new CountingPersistence(store));
                options.UsePollInterval(PollInterval);
                options.UseIdleTime(IdleTime);
                options.UseMaxConcurrentWorkflows(Concurrency);
            })
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

            if (database is not null && (await database.TallyAsync()).Subscriptions != n)
            {
                throw new InvalidOperationException($"WorkflowCore ({model}) counted {n:N0} subscriptions but the store does not hold {n:N0}.");
            }

            var instances = model == PeerModel.InstancePerUnit ? n : 1;
            watch.Restart();
            foreach (var unit in units)
            {
                await host.PublishEvent(PeerEvents.TaskCompleted, unit, "Đã hoàn thành");
            }

            await UntilAsync(() => PeerCounters.Completed >= n && PeerCounters.Finished >= instances,
                () => $"{PeerCounters.Completed:N0} of {n:N0} completions, {PeerCounters.Finished:N0} of {instances:N0} instances finished");
            if (database is not null)
            {
                // Its lifecycle event is raised before the instance is persisted: the phase ends when the store shows every
                // instance complete and every subscription consumed.
                var tally = await database.TallyAsync();
                var settle = Stopwatch.StartNew();
                while ((tally.Completed < instances || tally.Subscriptions > 0) && settle.Elapsed < Settle)
                {
                    await Task.Delay(1);
                    tally = await database.TallyAsync();
                }

                if (tally.Completed != instances || tally.Instances != instances || tally.Subscriptions != 0)
                {
                    throw new InvalidOperationException($"WorkflowCore ({model}) stored {tally.Completed:N0} of {tally.Instances:N0} instances complete " +
                        $"and {tally.Subscriptions:N0} subscriptions open, not {instances:N0} and 0, {Settle.TotalSeconds:N0} s after its last completion.");
                }

                if (tally.ProcessedEvents != n)
                {
                    // Seen with ForEach + WaitFor: every wait resumed, yet an event or two never marked processed, not even by later polls.
                    Console.WriteLine($"    note: WorkflowCore ({model}) left {n - tally.ProcessedEvents:N0} of {n:N0} events marked unprocessed " +
                        $"though every wait resumed ({tally.Commands:N0} scheduled commands pending)");
                }
            }

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
