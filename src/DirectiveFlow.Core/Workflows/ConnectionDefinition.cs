namespace DirectiveFlow.Core.Workflows;

/// <summary>A connection from a source activity's outcome port to a target activity.</summary>
public sealed class ConnectionDefinition
{
    public string Source { get; set; } = "";

    public string Outcome { get; set; } = "Done";

    public string Target { get; set; } = "";
}
