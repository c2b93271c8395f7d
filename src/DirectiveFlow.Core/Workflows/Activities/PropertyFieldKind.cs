namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>The editor the studio shows for a property field.</summary>
public enum PropertyFieldKind
{
    Text = 1,
    MultilineText = 2,
    Boolean = 3,
    Selector = 4,
    Deadline = 5,
    Cadence = 6,
    Outcomes = 7,
    Reminders = 8,
    Escalation = 9,
    Completion = 10,
    Expression = 11,
    Recipient = 12,
}
