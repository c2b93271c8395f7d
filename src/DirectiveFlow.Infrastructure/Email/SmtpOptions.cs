using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// The "Smtp" section. With no <see cref="Host"/>: in demo mode the embedded catcher on loopback receives everything;
/// elsewhere mail stays queued (and /health says so); Production refuses to start.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65_535)]

    public int Port { get; set; } = 25;

    public bool UseTls { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required, Configuration.Mailbox]

    public string From { get; set; } = "DirectiveFlow <no-reply@directiveflow.local>";

    /// <summary>Whether an outside server is configured (which turns the embedded catcher off).</summary>
    public bool HasOutsideServer => !string.IsNullOrWhiteSpace(Host);
}
