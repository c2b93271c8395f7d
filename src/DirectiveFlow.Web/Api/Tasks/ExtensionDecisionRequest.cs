namespace DirectiveFlow.Web.Api.Tasks;

/// <summary>Body of POST /api/tasks/{id}/extension-requests/{requestId}/decision.</summary>
public sealed record ExtensionDecisionRequest(bool? Approve, string? Comment);
