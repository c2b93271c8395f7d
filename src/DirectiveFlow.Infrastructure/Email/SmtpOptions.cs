namespace DirectiveFlow.Infrastructure.Email;

/// <summary>The "Smtp" section. With no <see cref="Host"/> the embedded catcher on loopback receives everything.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool UseTls { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "DirectiveFlow <no-reply@directiveflow.local>";

    /// <summary>Whether an outside server is configured (which turns the embedded catcher off).</summary>
    public bool HasOutsideServer => !string.IsNullOrWhiteSpace(Host);
}
