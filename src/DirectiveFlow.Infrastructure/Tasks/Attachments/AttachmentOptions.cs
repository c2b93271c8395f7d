using System.ComponentModel.DataAnnotations;

namespace DirectiveFlow.Infrastructure.Tasks.Attachments;

/// <summary>The "Attachments" configuration section.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>Largest accepted file, in bytes (10 MB by default).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Where files are kept; empty means "attachments" under Database:DataFolder (outside the web root).</summary>
    public string? Folder { get; set; }
}
