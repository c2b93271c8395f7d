using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// The "RateLimits" section: sign-in attempts (the login page, <c>POST /account/login</c>, <c>POST /api/auth/token</c>)
/// allowed per window, per client address and per user name — known and unknown names alike.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 10_000)]

    public int SignInPerUserName { get; set; } = 10;

    /// <summary>An office behind one NAT address signs in through one budget: raise it for large offices.</summary>
    [Range(1, 100_000)]
    public int SignInPerAddress { get; set; } = 30;

    [Range(1, 86_400)]

    public int WindowSeconds { get; set; } = 60;
}
