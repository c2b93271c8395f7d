using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Web.Studio;

/// <summary>The smallest valid flow (Start → End), so a new definition can be saved as a draft at once.</summary>
public static class StarterFlow
{
    public static WorkflowDefinition Create(string id, string name, ActivityCatalog activities) => new()
    {
        Id = id,
        Name = name.Length == 0 ? id : name,
        Activities =
        [
            new ActivityDefinition { Id = "start", Type = ActivityTypes.Start, Name = activities.Get(ActivityTypes.Start).DisplayNameVi, Position = new Position(40, 160) },
            new ActivityDefinition { Id = "end", Type = ActivityTypes.End, Name = activities.Get(ActivityTypes.End).DisplayNameVi, Position = new Position(600, 160) },
        ],
        Connections = [new ConnectionDefinition { Source = "start", Outcome = Outcomes.Done, Target = "end" }],
    };
}
