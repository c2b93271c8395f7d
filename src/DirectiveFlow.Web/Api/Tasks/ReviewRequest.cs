namespace DirectiveFlow.Web.Api.Tasks;

/// <summary>Body of POST /api/tasks/{id}/review: decision "accept" or "return" (a comment is required to return).</summary>
public sealed record ReviewRequest(string? Decision, string? Comment);
