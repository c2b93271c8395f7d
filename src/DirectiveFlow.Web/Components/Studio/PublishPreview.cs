using DirectiveFlow.Core.Workflows.Publishing;

namespace DirectiveFlow.Web.Components.Studio;

/// <summary>What the publish dialog shows: the changes against the published version (null when none is) and the version about to be published.</summary>
public sealed record PublishPreview(IReadOnlyList<WorkflowChange> Changes, int? PublishedVersion, int NextVersion);
