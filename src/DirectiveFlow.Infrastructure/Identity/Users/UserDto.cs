namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>A person's account as the users list, the form and the API show it (never its password or stamps).</summary>
public sealed record UserDto(
    Guid Id,
    string UserName,
    string FullName,
    string Position,
    string? Email,
    string? PhoneNumber,
    string Language,
    Guid? UnitId,
    string? UnitCode,
    string? UnitName,
    IReadOnlyList<string> Roles,
    bool IsActive);
