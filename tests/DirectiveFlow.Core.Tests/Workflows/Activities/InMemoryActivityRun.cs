using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Expressions;

namespace DirectiveFlow.Core.Tests.Workflows.Activities;

/// <summary>A token and its store in memory: what an activity writes and where it sends the token, without a database.</summary>
public sealed class InMemoryActivityRun(ActivityDefinition activity, ConditionUnit? unit = null, JsonObject? inputs = null) : IActivityRun
{
    private readonly object? _properties = ActivityCatalog.BuiltIn.HandlerOf(activity.Type).ReadProperties(activity);

    public List<string> Followed { get; } = [];

    public List<(string Action, string? Detail)> Journaled { get; } = [];

    public List<string> Written { get; } = [];

    public bool Ended { get; private set; }

    public ActivityDefinition Activity => activity;

    public JsonObject Inputs { get; } = inputs ?? [];

    public ConditionDirective Directive { get; } = new("15-KL/TU", "Về đẩy mạnh giải quyết 5 điểm nghẽn", "Urgent");

    public DateTimeOffset Now { get; } = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public ConditionEvaluator Conditions { get; } = new();

    public T Properties<T>()
        where T : class => (T)_properties!;

    public Task<ConditionUnit?> BranchUnitAsync(CancellationToken cancellationToken) => Task.FromResult(unit);

    public void Journal(string action, string? detail) => Journaled.Add((action, detail));

    public Task FollowAsync(string outcome, CancellationToken cancellationToken)
    {
        Followed.Add(outcome);
        return Task.CompletedTask;
    }

    public Task EndAsync(CancellationToken cancellationToken)
    {
        Ended = true;
        return Task.CompletedTask;
    }

    public Task AssignTaskAsync(CancellationToken cancellationToken) => Write("task");

    public Task StartCascadeAsync(CancellationToken cancellationToken) => Write("cascade:" + Properties<CascadeProperties>().Targets.CounterpartsOf);

    public Task NotifyAsync(CancellationToken cancellationToken) => Write("email:" + Properties<NotifyProperties>().To);

    public DateTimeOffset WaitUntil(DeadlineSpec deadline)
    {
        Written.Add("wait");
        return Now.AddDays(1);
    }

    private Task Write(string what)
    {
        Written.Add(what);
        return Task.CompletedTask;
    }
}
