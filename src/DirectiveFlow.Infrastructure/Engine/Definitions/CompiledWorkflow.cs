using System.Collections.Frozen;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Infrastructure.Engine.Definitions;

/// <summary>
/// A definition version parsed once for the runtime: activities by id with their typed properties, and the outgoing
/// connections of each port, so every step of a walk is a dictionary lookup. Immutable and shared by every instance
/// of that version.
/// </summary>
public sealed class CompiledWorkflow
{
    private readonly FrozenDictionary<string, ActivityDefinition> _activities;
    private readonly FrozenDictionary<(string Source, string Outcome), string[]> _next;
    private readonly FrozenDictionary<string, object> _properties;

    private CompiledWorkflow(WorkflowDefinition definition, ActivityCatalog activities)
    {
        Definition = definition;
        _activities = definition.Activities.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);
        _next = definition.Connections
            .GroupBy(c => (c.Source, c.Outcome))
            .ToFrozenDictionary(g => g.Key, g => g.Select(c => c.Target).ToArray());
        _properties = definition.Activities
            .Select(a => (a.Id, Properties: activities.FindHandler(a.Type)?.ReadProperties(a)))
            .Where(p => p.Properties is not null)
            .ToFrozenDictionary(p => p.Id, p => p.Properties!, StringComparer.Ordinal);
        Policies = FlowPolicies.From(definition);
        Start = definition.Activities.FirstOrDefault(a => a.Type == ActivityTypes.Start)
            ?? throw new InvalidOperationException($"Workflow '{definition.Id}' has no Start activity.");
    }

    /// <summary>The definition as authored.</summary>
    public WorkflowDefinition Definition { get; }

    /// <summary>The one Start activity.</summary>
    public ActivityDefinition Start { get; }

    /// <summary>Flow-wide reminder and escalation defaults.</summary>
    public FlowPolicies Policies { get; }

    /// <summary>Parses the stored JSON of one version; each activity's handler in <paramref name="activities"/> reads its properties.</summary>
    public static CompiledWorkflow Parse(string json, ActivityCatalog activities) => new(WorkflowDefinitionSerializer.Deserialize(json), activities);

    /// <summary>The activity with <paramref name="id"/>; throws when the definition has none.</summary>
    public ActivityDefinition Activity(string id) =>
        _activities.TryGetValue(id, out var activity)
            ? activity
            : throw new InvalidOperationException($"Workflow '{Definition.Id}' has no activity '{id}'.");

    /// <summary>The typed properties of activity <paramref name="id"/> (UnitTaskProperties, CascadeProperties, …).</summary>
    public T Properties<T>(string id)
        where T : class =>
        _properties.TryGetValue(id, out var p) && p is T typed
            ? typed
            : throw new InvalidOperationException($"Activity '{id}' has no {typeof(T).Name}.");

    /// <summary>The activities connected to <paramref name="outcome"/> of <paramref name="sourceId"/> (none ends the token).</summary>
    public IReadOnlyList<string> Next(string sourceId, string outcome) =>
        _next.TryGetValue((sourceId, outcome), out var targets) ? targets : [];

    /// <summary>The Review directly following <paramref name="unitTaskId"/>'s Done port, if any.</summary>
    public ActivityDefinition? ReviewAfter(string unitTaskId) =>
        Next(unitTaskId, Outcomes.Done).Select(Activity).FirstOrDefault(a => a.Type == ActivityTypes.Review);
}
