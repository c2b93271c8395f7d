using System.Security.Claims;
using DirectiveFlow.Infrastructure.Directives.Attachments;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Tasks.Attachments;
using DirectiveFlow.Web.Api.Uploads;
using Mediator;

namespace DirectiveFlow.Web.Api.Directives;

/// <summary>
/// The signed document's files (issue 13): multipart upload of one or more PDFs and deletion by the issuing unit or an
/// administrator; download for every reader of the directive, the units that received one of its tasks included.
/// </summary>
public static class DirectiveAttachmentsApi
{
    public static RouteGroupBuilder MapDirectiveAttachments(this RouteGroupBuilder directives)
    {
        directives.MapPost("/{id:guid}/attachments", UploadAsync).AcceptsUploads();
        directives.MapGet("/{id:guid}/attachments", async (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            Results.Ok(await sender.Send(new ListDirectiveAttachmentsQuery(id, user), ct)));
        directives.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ClaimsPrincipal user, ISender sender,
            AttachmentStore store, HttpResponse response, CancellationToken ct) =>
        {
            var file = await sender.Send(new GetDirectiveAttachmentQuery(id, attachmentId, user), ct);
            return StoredFile.Serve(store, response, file.StorageKey, file.ContentType, file.FileName);
        });
        directives.MapDelete("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ClaimsPrincipal user, ICurrentUser current,
            ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new DeleteDirectiveAttachmentCommand(id, attachmentId, current.UserName, Caller.Of(user)), ct);
            return Results.NoContent();
        });
        return directives;
    }

    private static async Task<IResult> UploadAsync(Guid id, HttpRequest request, ClaimsPrincipal user, ICurrentUser current, ISender sender,
        AttachmentOptions options, CancellationToken ct)
    {
        var files = await MultipartFiles.ReadAsync(request, options, ct);
        try
        {
            var saved = await sender.Send(new AddDirectiveAttachmentsCommand(id, files, current.UserName, Caller.Of(user)), ct);
            return Results.Created($"/api/directives/{id}/attachments", saved);
        }
        finally
        {
            foreach (var file in files)
            {
                await file.Content.DisposeAsync();
            }
        }
    }
}
