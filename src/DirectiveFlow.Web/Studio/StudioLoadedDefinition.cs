using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Web.Studio;

public sealed record StudioLoadedDefinition(WorkflowDefinition Definition, StudioVersion Version);
