using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DirectiveFlow.Benchmarks.Peer;

/// <summary>What WorkflowCore's steps did, counted as they ran (the scenario runs one model at a time).</summary>
internal static class PeerCounters
{
    private static int _assigned;
    private static int _waiting;
    private static int _completed;
    private static int _finished;

    /// <summary>Tasks handed to a unit (the step before the wait ran).</summary>
    public static int Assigned => Volatile.Read(ref _assigned);

    /// <summary>Event subscriptions stored: a unit's task is waiting for its completion.</summary>
    public static int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits that received their unit's completion and went on.</summary>
    public static int Completed => Volatile.Read(ref _completed);

    /// <summary>Workflow instances that completed.</summary>
    public static int Finished => Volatile.Read(ref _finished);

    public static void Reset()
    {
        Volatile.Write(ref _assigned, 0);
        Volatile.Write(ref _waiting, 0);
        Volatile.Write(ref _completed, 0);
        Volatile.Write(ref _finished, 0);
    }

    public static void Assign() => Interlocked.Increment(ref _assigned);

    public static void Wait(int subscriptions) => Interlocked.Add(ref _waiting, subscriptions);

    public static void Complete() => Interlocked.Increment(ref _completed);

    public static void Finish() => Interlocked.Increment(ref _finished);
}

internal static class PeerEvents
{
    /// <summary>The event a unit's completion publishes, keyed by the unit.</summary>
    public const string TaskCompleted = "task-completed";
}

/// <summary>Model (a): one instance per unit — assign, wait for that unit's completion, record it.</summary>
public sealed class UnitTaskData
{
    public string Unit { get; set; } = "";

    public object? Result { get; set; }
}

internal sealed class PerUnitWorkflow : IWorkflow<UnitTaskData>
{
    public const string Name = "peer-per-unit";

    public string Id => Name;

    public int Version => 1;

    public void Build(IWorkflowBuilder<UnitTaskData> builder) => builder
        .StartWith(_ => PeerCounters.Assign())
        .WaitFor(PeerEvents.TaskCompleted, data => data.Unit)
            .Output(data => data.Result, step => step.EventData)
        .Then(_ => PeerCounters.Complete());
}

/// <summary>Model (b): one instance for the directive — ForEach unit (in parallel): assign, wait for its completion, record it.</summary>
public sealed class DirectiveData
{
    public List<string> Units { get; set; } = [];
}

internal sealed class ForEachUnitWorkflow : IWorkflow<DirectiveData>
{
    public const string Name = "peer-foreach";

    public string Id => Name;

    public int Version => 1;

    public void Build(IWorkflowBuilder<DirectiveData> builder) => builder
        .StartWith(_ => { })
        .ForEach(data => data.Units, _ => true)
            .Do(each => each
                .StartWith(_ => PeerCounters.Assign())
                .WaitFor(PeerEvents.TaskCompleted, (_, context) => (string)context.Item)
                .Then(_ => PeerCounters.Complete()))
        .Then(_ => { });
}
