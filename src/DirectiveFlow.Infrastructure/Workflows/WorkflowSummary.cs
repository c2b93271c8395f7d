namespace DirectiveFlow.Infrastructure.Workflows;

/// <summary>One definition in the list: its newest version, its newest published version, and whether a draft is open.</summary>
public sealed record WorkflowSummary(string DefinitionId, string Name, string? Description, int LatestVersion, int? PublishedVersion, bool HasDraft);
