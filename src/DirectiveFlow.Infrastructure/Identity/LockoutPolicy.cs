namespace DirectiveFlow.Infrastructure.Identity;

/// <summary>After <see cref="MaxFailedAttempts"/> failed sign-ins an account is locked for <see cref="LockoutMinutes"/> minutes.</summary>
public static class LockoutPolicy
{
    public const int MaxFailedAttempts = 5;

    public const int LockoutMinutes = 15;
}
