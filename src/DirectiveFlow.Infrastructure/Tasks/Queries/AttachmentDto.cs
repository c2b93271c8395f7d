namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>A result attachment; <c>Url</c> is the access-checked download address.</summary>
public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string UploadedBy, string Url);
