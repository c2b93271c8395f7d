namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>The names of the built-in activity types that other code refers to (a task's Review, a cascade's join,
/// a Delay's wake-up). The list of types is the <see cref="ActivityCatalog"/>'s, not this class's.</summary>
public static class ActivityTypes
{
    public const string Start = nameof(Start);
    public const string UnitTask = nameof(UnitTask);
    public const string Cascade = nameof(Cascade);
    public const string Review = nameof(Review);
    public const string Decision = nameof(Decision);
    public const string Delay = nameof(Delay);
    public const string Notify = nameof(Notify);
    public const string End = nameof(End);
}
