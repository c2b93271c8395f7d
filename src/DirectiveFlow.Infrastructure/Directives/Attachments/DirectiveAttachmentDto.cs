using DirectiveFlow.Core.Directives;

namespace DirectiveFlow.Infrastructure.Directives.Attachments;

/// <summary>A file of the signed document, with the address it downloads from (<see cref="Url"/>).</summary>
public sealed record DirectiveAttachmentDto(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string UploadedBy, string Url)
{
    public static DirectiveAttachmentDto Of(DirectiveAttachment a) =>
        new(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt, a.UploadedBy, $"/api/directives/{a.DirectiveId}/attachments/{a.Id}");
}
