using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Core.Workflows.Publishing;

/// <summary>
/// What publishing <c>after</c> would change against the published <c>before</c>: the flow's name, description,
/// issuers, policies and inputs; activities added, removed and changed property by property; connections added and
/// removed. Positions on the canvas are layout, not behaviour, and are left out. A pure function of the two definitions.
/// </summary>
public static class WorkflowDiff
{
    public static IReadOnlyList<WorkflowChange> Compare(WorkflowDefinition? before, WorkflowDefinition after, ActivityCatalog catalog)
    {
        before ??= new WorkflowDefinition { Id = after.Id, Name = after.Name, Description = after.Description, Issuers = after.Issuers };
        var changes = new List<WorkflowChange>();
        CompareFlow(before, after, changes);
        CompareInputs(before.Inputs, after.Inputs, changes);
        CompareActivities(before.Activities, after.Activities, catalog, changes);
        CompareConnections(before, after, changes);
        return changes;
    }

    private static void CompareFlow(WorkflowDefinition before, WorkflowDefinition after, List<WorkflowChange> changes)
    {
        if (before.Name != after.Name)
        {
            changes.Add(new(WorkflowChangeKind.FlowRenamed, after.Id, Before: Text(before.Name), After: Text(after.Name)));
        }

        if ((before.Description ?? "") != (after.Description ?? ""))
        {
            changes.Add(new(WorkflowChangeKind.DescriptionChanged, after.Id, Before: Text(before.Description), After: Text(after.Description)));
        }

        var issuersBefore = Issuers(before.Issuers);
        var issuersAfter = Issuers(after.Issuers);
        if (issuersBefore != issuersAfter)
        {
            changes.Add(new(WorkflowChangeKind.IssuersChanged, after.Id, Before: issuersBefore, After: issuersAfter));
        }

        if (!JsonNode.DeepEquals(before.Policies, after.Policies))
        {
            changes.Add(new(WorkflowChangeKind.PoliciesChanged, after.Id));
        }
    }

    private static void CompareInputs(List<WorkflowInput> before, List<WorkflowInput> after, List<WorkflowChange> changes)
    {
        var old = before.GroupBy(i => i.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var current = after.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var input in after)
        {
            if (!old.TryGetValue(input.Name, out var was))
            {
                changes.Add(new(WorkflowChangeKind.InputAdded, input.Name, input.Label));
                continue;
            }

            AddIfDifferent("type", Text(was.Type), Text(input.Type));
            AddIfDifferent("label", Text(was.Label), Text(input.Label));
            AddIfDifferent("required", ChangeValue.Of(was.Required), ChangeValue.Of(input.Required));
            if (!JsonNode.DeepEquals(was.Default, input.Default))
            {
                AddIfDifferent("default", ChangeValue.Of(was.Default?.DeepClone()), ChangeValue.Of(input.Default?.DeepClone()));
            }

            void AddIfDifferent(string field, Worded from, Worded to)
            {
                if (from != to)
                {
                    changes.Add(new(WorkflowChangeKind.InputChanged, input.Name, input.Label, Worded.Of("Input." + field), from, to));
                }
            }
        }

        changes.AddRange(before.Where(i => !current.Contains(i.Name))
            .Select(i => new WorkflowChange(WorkflowChangeKind.InputRemoved, i.Name, i.Label)));
    }

    private static void CompareActivities(List<ActivityDefinition> before, List<ActivityDefinition> after, ActivityCatalog catalog, List<WorkflowChange> changes)
    {
        var old = before.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var current = after.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var activity in after)
        {
            if (!old.TryGetValue(activity.Id, out var was))
            {
                changes.Add(new(WorkflowChangeKind.ActivityAdded, activity.Id, activity.Name, After: TypeName(activity.Type, catalog)));
                continue;
            }

            if ((was.Name ?? "") != (activity.Name ?? ""))
            {
                changes.Add(new(WorkflowChangeKind.ActivityRenamed, activity.Id, activity.Name, Before: Text(was.Name), After: Text(activity.Name)));
            }

            if (was.Type != activity.Type)
            {
                changes.Add(new(WorkflowChangeKind.ActivityTypeChanged, activity.Id, activity.Name,
                    Before: TypeName(was.Type, catalog), After: TypeName(activity.Type, catalog)));
            }

            var fields = catalog.Find(activity.Type)?.Fields ?? [];
            var keys = was.Properties.Select(p => p.Key).Union(activity.Properties.Select(p => p.Key), StringComparer.Ordinal);
            foreach (var key in keys)
            {
                var from = was.Properties[key];
                var to = activity.Properties[key];
                if (!JsonNode.DeepEquals(from, to))
                {
                    var label = fields.FirstOrDefault(f => f.Name == key) is { } field
                        ? new Worded(field.Label(english: false), field.Label(english: true))
                        : Worded.Same(key);
                    changes.Add(new(WorkflowChangeKind.PropertyChanged, activity.Id, activity.Name, label,
                        ChangeValue.Of(from?.DeepClone()), ChangeValue.Of(to?.DeepClone())));
                }
            }
        }

        changes.AddRange(before.Where(a => !current.Contains(a.Id))
            .Select(a => new WorkflowChange(WorkflowChangeKind.ActivityRemoved, a.Id, a.Name, Before: TypeName(a.Type, catalog))));
    }

    private static void CompareConnections(WorkflowDefinition before, WorkflowDefinition after, List<WorkflowChange> changes)
    {
        var old = before.Connections.Select(Key).ToHashSet();
        var current = after.Connections.Select(Key).ToHashSet();
        changes.AddRange(after.Connections.Where(c => !old.Contains(Key(c)))
            .Select(c => Connection(WorkflowChangeKind.ConnectionAdded, c, after)));
        changes.AddRange(before.Connections.Where(c => !current.Contains(Key(c)))
            .Select(c => Connection(WorkflowChangeKind.ConnectionRemoved, c, before)));

        static (string, string, string) Key(ConnectionDefinition c) => (c.Source, c.Outcome, c.Target);
    }

    private static WorkflowChange Connection(WorkflowChangeKind kind, ConnectionDefinition c, WorkflowDefinition owner)
    {
        var target = owner.Activities.Find(a => a.Id == c.Target);
        var targetText = target?.Name is { Length: > 0 } name ? Worded.Same($"«{name}» ({c.Target})") : Worded.Same(c.Target);
        var port = new Worded(PortWords.Of(c.Outcome, english: false), PortWords.Of(c.Outcome, english: true));
        return new(kind, c.Source, owner.Activities.Find(a => a.Id == c.Source)?.Name, port,
            kind == WorkflowChangeKind.ConnectionRemoved ? targetText : null,
            kind == WorkflowChangeKind.ConnectionAdded ? targetText : null);
    }

    private static Worded Issuers(WorkflowIssuers? issuers) => issuers is null || issuers.IsAnyone
        ? Worded.Of("Value.AnyUnit")
        : new Worded(issuers.Describe(english: false), issuers.Describe(english: true));

    private static Worded Text(string? text) => string.IsNullOrEmpty(text) ? Worded.Of("Value.Empty") : Worded.Same($"«{text}»");

    private static Worded TypeName(string type, ActivityCatalog catalog) => catalog.Find(type) is { } descriptor
        ? new Worded(descriptor.DisplayName(english: false), descriptor.DisplayName(english: true))
        : Worded.Same(type);
}
