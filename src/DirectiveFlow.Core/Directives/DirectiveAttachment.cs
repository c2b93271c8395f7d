namespace DirectiveFlow.Core.Directives;

/// <summary>
/// A file of the signed document itself (văn bản ký số, usually a PDF) attached to a directive, stored like a task's
/// attachment outside the web root under <see cref="StorageKey"/>.
/// </summary>
public sealed class DirectiveAttachment
{
    public Guid Id { get; set; }

    public Guid DirectiveId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string StorageKey { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string UploadedBy { get; set; } = "";
}
