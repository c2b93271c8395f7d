namespace DirectiveFlow.Web.Security;

/// <summary>
/// The clock of authentication: token lifetimes, cookie expiry, security stamp checks, lockout. Always real time,
/// registered under <see cref="Key"/>: the application's <see cref="TimeProvider"/> is the movable demo clock in demo
/// mode, and a token stamped a day ahead is refused by every validator running on real time.
/// </summary>
public static class AuthClock
{
    public const string Key = "authentication";

    public static TimeProvider From(IServiceProvider services) => services.GetRequiredKeyedService<TimeProvider>(Key);
}
