namespace DirectiveFlow.Web.Api.Tasks;

/// <summary>Body of POST /api/tasks/{id}/progress.</summary>
public sealed record ProgressRequest(string? Note, int? Percent);
