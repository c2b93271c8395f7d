namespace DirectiveFlow.Web.Api.Users;

/// <summary>The body of <c>POST /api/users/{id}/reset-password</c>: the new password, or none (or no body) for a generated one.</summary>
public sealed record ResetPasswordRequest(string? Password);
