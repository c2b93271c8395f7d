using DirectiveFlow.Infrastructure.Tasks.Attachments;
using DirectiveFlow.Infrastructure.Tasks.Commands;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.Infrastructure.Tasks;
using DirectiveFlow.Web.Api.Uploads;
using Mediator;

namespace DirectiveFlow.Web.Api.Tasks;

/// <summary>Result attachments: multipart upload by the lead unit, download only for those who may read the task.</summary>
public static class TaskAttachmentsApi
{
    public static RouteGroupBuilder MapTaskAttachments(this RouteGroupBuilder tasks)
    {
        tasks.MapPost("/{id:guid}/attachments", Upload).AcceptsUploads();
        tasks.MapGet("/{id:guid}/attachments/{attachmentId:guid}", Download);
        return tasks;
    }

    private static async Task<IResult> Upload(Guid id, HttpRequest request, ISender sender, AttachmentOptions options, CancellationToken ct)
    {
        var file = (await MultipartFiles.ReadAsync(request, options, ct))[0];
        await using var content = file.Content;
        var attachmentId = await sender.Send(new AddAttachmentCommand(id, file.FileName, content), ct);
        var task = await sender.Send(new GetTaskQuery(id), ct);
        var dto = task.Attachments.First(a => a.Id == attachmentId);
        return TypedResults.Created(dto.Url, dto);
    }

    private static async Task<IResult> Download(Guid id, Guid attachmentId, ISender sender, AttachmentStore store, HttpResponse response, CancellationToken ct)
    {
        var attachment = await sender.Send(new GetAttachmentQuery(id, attachmentId), ct);
        return StoredFile.Serve(store, response, attachment.StorageKey, attachment.ContentType, attachment.FileName);
    }
}
