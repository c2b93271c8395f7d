namespace DirectiveFlow.Infrastructure.Email.Addressing;

/// <summary>To whom an email about a task goes, relative to the task: its unit, its unit's head, the head of the unit
/// above, or the leadership of the directive's issuing unit (the escalation ladder's <c>to</c>).</summary>
public static class RecipientRoles
{
    public const string UnitHead = "unitHead";
    public const string ParentHead = "parentHead";
    public const string IssuerLeadership = "issuerLeadership";
}
