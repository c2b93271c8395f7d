namespace DirectiveFlow.Web.Api.Tasks;

/// <summary>Body of POST /api/tasks/{id}/cancel (administrators).</summary>
public sealed record CancelRequest(string? Reason);
