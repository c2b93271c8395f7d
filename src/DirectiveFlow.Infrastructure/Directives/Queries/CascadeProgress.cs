namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>How far the writing of the directive's cascades has got: branches expected and written so far.</summary>
public sealed record CascadeProgress(int Expected, int Written);
