using DirectiveFlow.Core.Common;

namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>The users list's filters: unit, role, active or not, and text found in the name, user name or email.</summary>
public sealed record UserListFilter(Guid? UnitId, string? Role, bool? Active, string? Text, PageRequest Page);
