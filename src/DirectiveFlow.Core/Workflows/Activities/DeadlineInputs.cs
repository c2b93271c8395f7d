namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>The directive inputs a flow counts deadlines from (<c>{"input": "deadlineDays"}</c> in a UnitTask, Cascade or Delay).</summary>
public static class DeadlineInputs
{
    public static IReadOnlySet<string> Of(WorkflowDefinition definition)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var activity in definition.Activities)
        {
            try
            {
                var deadline = activity.Type switch
                {
                    ActivityTypes.UnitTask => UnitTaskProperties.From(activity).Deadline,
                    ActivityTypes.Cascade => CascadeProperties.From(activity).Completion.Deadline,
                    ActivityTypes.Delay => DelayProperties.From(activity).Deadline,
                    _ => null,
                };
                if (deadline?.Input is { } input)
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
