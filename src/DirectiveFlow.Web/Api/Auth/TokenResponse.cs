namespace DirectiveFlow.Web.Api.Auth;

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string TokenType = "Bearer");
