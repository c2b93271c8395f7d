namespace DirectiveFlow.Infrastructure.Email.Addressing;

/// <summary>To whom an email about a task goes, relative to the task: its unit, its unit's head, the head of the unit
/// above, or the leadership of the directive's issuing unit (the escalation ladder's <c>to</c>).</summary>
public static class RecipientRoles
{
    public const string UnitHead = "unitHead";
    public const string ParentHead = "parentHead";
    public const string IssuerLeadership = "issuerLeadership";

    /// <summary>The task's unit: its head and its contact addresses (a new task's notice).</summary>
    public const string Unit = "unit";

    /// <summary>The supporting unit named by the row's key (<see cref="Outbox.AssignmentKeys"/>): its head and contacts.</summary>
    public const string SupportingUnit = "supportingUnit";

    /// <summary>Marks a role whose escalation a flow step wants sent at once, not gathered into the recipient's digest
    /// (e.g. <c>parentHead:immediate</c>).</summary>
    public const string ImmediateSuffix = ":immediate";

    /// <summary><paramref name="role"/>, to be sent at once.</summary>
    public static string Immediate(string role) => role.EndsWith(ImmediateSuffix, StringComparison.Ordinal) ? role : role + ImmediateSuffix;

    /// <summary>The role without its marker, and whether it was marked immediate.</summary>
    public static (string Role, bool Immediate) Parse(string role) =>
        role.EndsWith(ImmediateSuffix, StringComparison.Ordinal) ? (role[..^ImmediateSuffix.Length], true) : (role, false);
}
