using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Components.Directives;

public sealed record PublishedFlow(string DefinitionId, int Version, string Name, string? Description, IReadOnlyList<WorkflowInput> Inputs);
