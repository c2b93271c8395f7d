namespace DirectiveFlow.Infrastructure.Identity.Queries;

/// <summary>An account as a session check sees it: the stamp its sessions must carry, and whether it is locked out.</summary>
public sealed record SessionAccount(string? SecurityStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd);
