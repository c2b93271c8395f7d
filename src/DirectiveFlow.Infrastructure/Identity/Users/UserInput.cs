namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>
/// What a form or the API gives for a person: everything but the user name (fixed once created) and the password
/// (<see cref="CreateUserCommand"/> and <see cref="ResetPasswordCommand"/> take those).
/// </summary>
public sealed record UserInput(
    string? FullName,
    string? Position,
    string? Email,
    string? PhoneNumber,
    string? Language,
    Guid? UnitId,
    IReadOnlyList<string>? Roles);
