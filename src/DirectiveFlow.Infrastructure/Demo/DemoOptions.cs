using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Infrastructure.Demo;

/// <summary>The "Demo" configuration section: sample organisation and one login per unit, for trying the product.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public const string DefaultPassword = "DirectiveFlow@2026";

    /// <summary>
    /// On in Development (appsettings.Development.json); refused in Production, and in any other environment but Testing
    /// while <see cref="Password"/> is the published <see cref="DefaultPassword"/>.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>The one password of every demo account.</summary>
    [Required]
    public string Password { get; set; } = DefaultPassword;

    /// <summary>Domain of the demo accounts' and unit heads' email addresses.</summary>
    [Required]
    public string EmailDomain { get; set; } = "demo.directiveflow.vn";

    /// <summary>How often each node re-reads the shared demo clock (<c>Demo:ClockRefresh</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ClockRefresh { get; set; } = TimeSpan.FromSeconds(5);
}
