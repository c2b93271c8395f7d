namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>The outcome port names the built-in activities expose.</summary>
public static class Outcomes
{
    /// <summary>Start, UnitTask, Delay, Notify; a Cascade's port taken once its completion rule is met.</summary>
    public const string Done = nameof(Done);

    /// <summary>A Cascade's body port: the sub-graph reachable from it runs once per target unit.</summary>
    public const string Each = nameof(Each);

    public const string Accepted = nameof(Accepted);
    public const string Returned = nameof(Returned);
    public const string True = "True";
    public const string False = "False";
}
