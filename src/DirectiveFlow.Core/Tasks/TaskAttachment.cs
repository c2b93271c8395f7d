namespace DirectiveFlow.Core.Tasks;

/// <summary>A file attached to a task's result, stored outside the web root under <see cref="StorageKey"/>.</summary>
public sealed class TaskAttachment
{
    public Guid Id { get; set; }

    public Guid TaskId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required string StorageKey { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string UploadedBy { get; set; } = "";
}
