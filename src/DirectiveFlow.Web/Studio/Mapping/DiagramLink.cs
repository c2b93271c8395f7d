namespace DirectiveFlow.Web.Studio.Mapping;

/// <summary>A link from a source node's outcome port to a target node's input port.</summary>
public sealed record DiagramLink(string SourceId, string Outcome, string TargetId);
