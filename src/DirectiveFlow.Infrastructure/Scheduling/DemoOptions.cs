namespace DirectiveFlow.Infrastructure.Scheduling;

/// <summary>The "Demo" section: demo mode turns on the movable clock and its endpoints.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }
}
