namespace DirectiveFlow.Infrastructure.Identity.Queries;

/// <summary>An account as a session check sees it: the stamp its sessions must carry, whether it is locked out, and whether it is still active.</summary>
public sealed record SessionAccount(string? SecurityStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd, bool IsActive = true);
