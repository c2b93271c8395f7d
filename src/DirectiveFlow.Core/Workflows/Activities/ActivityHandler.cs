using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows.Validation;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>The base of an activity type: no properties, no extra rules, empty defaults and summary. Override what the
/// type has; <see cref="RunAsync"/> is the one thing every type must say.</summary>
public abstract class ActivityHandler : IActivityHandler
{
    public abstract ActivityDescriptor Descriptor { get; }

    public virtual object? ReadProperties(ActivityDefinition activity) => null;

    public virtual void Check(ActivityCheck check)
    {
    }

    public virtual JsonObject StudioDefaults() => [];

    public virtual ActivityText Summary(JsonObject properties) => ActivityText.Empty;

    public abstract Task RunAsync(IActivityRun run, CancellationToken cancellationToken);
}
