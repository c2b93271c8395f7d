namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>Who an escalation step notifies, going up the chain.</summary>
public static class EscalationTargets
{
    /// <summary>The head of the task's lead unit.</summary>
    public const string UnitHead = "unitHead";

    /// <summary>The head of the lead unit's superior unit (the assigner when the unit has no parent).</summary>
    public const string ParentHead = "parentHead";

    /// <summary>The leadership of the directive's issuing unit.</summary>
    public const string IssuerLeadership = "issuerLeadership";

    public static readonly IReadOnlyList<string> All = [UnitHead, ParentHead, IssuerLeadership];
}
