using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Infrastructure.Workflows;

/// <summary>The "Workflows" configuration section: where the shipped flows are and whether to seed them at start.</summary>
public sealed class WorkflowSeedOptions
{
    public const string Section = "Workflows";

    /// <summary>Import and publish the shipped flows at start (idempotent).</summary>
    public bool SeedOnStart { get; set; } = true;

    /// <summary>The folder holding the shipped <c>*.json</c> flows; relative paths are under the application folder.</summary>
    [Required]
    public string SeedFolder { get; set; } = "workflows";

    public string ResolveFolder() => Path.IsPathRooted(SeedFolder) ? SeedFolder : Path.Combine(AppContext.BaseDirectory, SeedFolder);
}
