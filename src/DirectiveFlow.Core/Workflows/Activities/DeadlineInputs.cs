namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>The directive inputs a flow counts deadlines from (<c>{"input": "deadlineDays"}</c> in any activity whose
/// properties are <see cref="IHasDeadline"/>: a UnitTask, a Cascade's completion, a Delay).</summary>
public static class DeadlineInputs
{
    public static IReadOnlySet<string> Of(WorkflowDefinition definition, ActivityCatalog? catalog = null)
    {
        catalog ??= ActivityCatalog.BuiltIn;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var activity in definition.Activities)
        {
            try
            {
                if (catalog.FindHandler(activity.Type)?.ReadProperties(activity) is IHasDeadline { CountedDeadline.Input: { } input })
                {
                    names.Add(input);
                }
            }
            catch (ActivityPropertiesException)
            {
                // a published flow has valid properties; an invalid one names no deadline input
            }
        }

        return names;
    }
}
