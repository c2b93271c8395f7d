using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio.Mapping;

/// <summary>Which ports an activity shows: the engine's catalog decides, the mapper only draws them.</summary>
public interface IActivityPorts
{
    /// <summary>Whether connections may end at activities of this type (every type but Start).</summary>
    bool HasInput(string activityType);

    /// <summary>The outcome ports of this activity, its authored extra outcomes included.</summary>
    IReadOnlyList<string> OutcomesOf(ActivityDefinition activity);
}
