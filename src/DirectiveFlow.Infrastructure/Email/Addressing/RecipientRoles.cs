namespace DirectiveFlow.Infrastructure.Email.Addressing;

/// <summary>To whom an email about a task goes, relative to the task: its unit (as a whole, its head, its officers, its
/// assigned officer), the head of the unit above, the leadership of the directive's issuing unit (the escalation
/// ladder's <c>to</c>), or a supporting unit. <see cref="MailDirectory.Recipients"/> turns a role into addresses.</summary>
public static class RecipientRoles
{
    public const string UnitHead = "unitHead";
    public const string ParentHead = "parentHead";
    public const string IssuerLeadership = "issuerLeadership";

    /// <summary>The task's unit as a whole: its head and its officers (reminders, a new task's notice); once the task is
    /// given to a person, that officer and the unit's head.</summary>
    public const string Unit = "unit";

    /// <summary>The task's unit's officers: its contact addresses and its user accounts, not its head.</summary>
    public const string UnitOfficers = "unitOfficers";

    /// <summary>
    /// The officer the task is given to (<see cref="MailDirectoryTask.AssignedOfficer"/>); while it is given to no one,
    /// the unit's officers.
    /// </summary>
    public const string AssignedOfficer = "assignedOfficer";

    /// <summary>The supporting unit named by the row's key (<see cref="Outbox.AssignmentKeys"/>), as a whole.</summary>
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
