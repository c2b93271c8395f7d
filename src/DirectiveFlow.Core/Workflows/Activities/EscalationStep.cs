namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>One rung of the escalation ladder: <paramref name="AfterWorkingDays"/> after the deadline, notify
/// <paramref name="To"/> (see <see cref="EscalationTargets"/>); <paramref name="Raise"/> flags the task as raised;
/// <paramref name="Immediate"/> sends the email at once instead of gathering it into the recipient's digest.</summary>
public sealed record EscalationStep(int AfterWorkingDays, string To, bool Raise = false, bool Immediate = false);
