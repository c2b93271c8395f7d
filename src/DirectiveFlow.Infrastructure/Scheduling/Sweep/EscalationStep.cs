using DirectiveFlow.Infrastructure.Email.Addressing;

namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>One rung of the ladder: <see cref="AfterWorkingDays"/> after the deadline, email <see cref="To"/>.</summary>
public sealed record EscalationStep(int AfterWorkingDays, string To, bool Raise)
{
    public const string UnitHead = RecipientRoles.UnitHead;
    public const string ParentHead = RecipientRoles.ParentHead;
    public const string IssuerLeadership = RecipientRoles.IssuerLeadership;
}
