using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

public sealed record PublishedFlow(string DefinitionId, int Version, string Name, string? Description, IReadOnlyList<WorkflowInput> Inputs);
