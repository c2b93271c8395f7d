namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>The activity type names used in definitions (<see cref="ActivityDefinition.Type"/>).</summary>
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

    public static readonly IReadOnlyList<string> All = [Start, UnitTask, Cascade, Review, Decision, Delay, Notify, End];
}
