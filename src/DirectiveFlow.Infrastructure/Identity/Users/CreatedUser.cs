namespace DirectiveFlow.Infrastructure.Identity.Users;

/// <summary>
/// The account as saved, and the password the system generated for it — shown once, to be handed to the person; null
/// when the caller chose the password.
/// </summary>
public sealed record CreatedUser(UserDto User, string? GeneratedPassword);
