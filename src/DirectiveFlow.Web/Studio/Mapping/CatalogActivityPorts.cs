using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Web.Studio.Mapping;

/// <summary>The ports of the engine's activities, as the engine's <see cref="ActivityCatalog"/> lists them.</summary>
public sealed class CatalogActivityPorts(ActivityCatalog catalog) : IActivityPorts
{
    public bool HasInput(string activityType) => activityType != ActivityTypes.Start;

    public IReadOnlyList<string> OutcomesOf(ActivityDefinition activity) => catalog.OutcomesOf(activity);
}
