using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Infrastructure.Directives.Queries.Flow;

/// <summary>A directive and the flow version its instance runs on (the instance view's header and canvas).</summary>
public sealed record FlowHeader(Guid DirectiveId, string Number, string Title, string DefinitionId, int Version, WorkflowInstanceStatus? Status, WorkflowDefinition Definition);
