namespace DirectiveFlow.Web.Api.Tasks;

/// <summary>Body of POST /api/tasks/{id}/assign: the officer to give the task to, or null to take it back.</summary>
public sealed record AssignRequest(Guid? UserId);
