namespace DirectiveFlow.Web.Api.Workflows;

/// <summary>The body of a publish: what changed, in the publisher's words (required, at most 1000 characters).</summary>
public sealed record PublishRequest(string? ChangeNote);
