namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>Flow-wide defaults from a definition's <c>policies</c>: <c>{"escalation": …, "reminders": …, "acknowledge": …}</c>.</summary>
public sealed record FlowPolicies(EscalationPolicy? Escalation, ReminderPolicy? Reminders, AcknowledgePolicy? Acknowledge = null)
{
    public static FlowPolicies None { get; } = new(null, null);

    public static FlowPolicies From(WorkflowDefinition definition)
    {
        var reader = new PropertyReader(definition.Policies, "policies");
        return new FlowPolicies(EscalationPolicy.Read(reader, "escalation"), ReminderPolicy.Read(reader, "reminders"),
            AcknowledgePolicy.Read(reader, "acknowledge"));
    }
}
