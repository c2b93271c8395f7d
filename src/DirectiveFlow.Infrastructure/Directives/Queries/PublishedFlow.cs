using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>A flow an issuer may choose; <see cref="Issuers"/> null means any unit may issue it.</summary>
public sealed record PublishedFlow(string DefinitionId, int Version, string Name, string? Description, IReadOnlyList<WorkflowInput> Inputs,
    WorkflowIssuers? Issuers = null);
