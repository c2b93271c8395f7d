namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>A result attachment; <c>Url</c> is the access-checked download address.</summary>
public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string UploadedBy, string Url)
{
    /// <summary>The person who uploaded it, as <see cref="Identity.PersonNames"/> names them (their user name when not found).</summary>
    public string? UploadedByName { get; init; }
}
