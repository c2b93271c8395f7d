namespace DirectiveFlow.Web.Api.Tasks;

/// <summary>Body of POST /api/tasks/{id}/contributions.</summary>
public sealed record ContributionRequest(string? Note);
