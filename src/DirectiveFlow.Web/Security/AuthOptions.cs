using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Web.Security;

/// <summary>The "Auth" configuration section: how API bearer tokens are signed and how long they live.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Used when no key is configured, so a fresh clone runs without setup. Public, hence refused outside Development and
    /// Testing (<see cref="ProductionSafety"/>).
    /// </summary>
    public const string DevelopmentSigningKey = "DirectiveFlow-development-only-signing-key-2026-change-me!";

    /// <summary>HMAC-SHA256 key, at least 32 characters; set it from a secret store in production.</summary>
    public string? SigningKey { get; set; }

    [Required]

    public string Issuer { get; set; } = "DirectiveFlow";

    [Required]

    public string Audience { get; set; } = "DirectiveFlow";

    [Range(1, 10_080)]

    public int TokenLifetimeMinutes { get; set; } = 480;

    public string EffectiveSigningKey => string.IsNullOrWhiteSpace(SigningKey) ? DevelopmentSigningKey : SigningKey;

    public bool UsesDevelopmentKey => EffectiveSigningKey == DevelopmentSigningKey;
}
