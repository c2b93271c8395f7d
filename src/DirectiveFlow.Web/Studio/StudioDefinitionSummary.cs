namespace DirectiveFlow.Web.Studio;

/// <summary>A definition with all its versions, newest first.</summary>
public sealed record StudioDefinitionSummary(string DefinitionId, string Name, IReadOnlyList<StudioVersion> Versions);
