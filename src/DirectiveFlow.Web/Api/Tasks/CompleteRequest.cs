namespace DirectiveFlow.Web.Api.Tasks;

/// <summary>Body of POST /api/tasks/{id}/complete; outcome is optional (default "Done").</summary>
public sealed record CompleteRequest(string? Result, string? Outcome);
