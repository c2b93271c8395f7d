namespace DirectiveFlow.Infrastructure.Scheduling.Sweep;

/// <summary>One rung of the ladder: <see cref="AfterWorkingDays"/> after the deadline, email <see cref="To"/>.</summary>
public sealed record EscalationStep(int AfterWorkingDays, string To, bool Raise)
{
    public const string UnitHead = "unitHead";
    public const string ParentHead = "parentHead";
    public const string IssuerLeadership = "issuerLeadership";
}
