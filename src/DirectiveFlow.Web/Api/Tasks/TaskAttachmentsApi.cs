using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Tasks.Attachments;
using DirectiveFlow.Infrastructure.Tasks.Commands;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.Infrastructure.Tasks;
using DirectiveFlow.Web.Api.Problems;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace DirectiveFlow.Web.Api.Tasks;

/// <summary>Result attachments: multipart upload by the lead unit, download only for those who may read the task.</summary>
public static class TaskAttachmentsApi
{
    public static RouteGroupBuilder MapTaskAttachments(this RouteGroupBuilder tasks)
    {
        // Bearer clients post multipart without an antiforgery token; the file is checked by size, extension and
        // content before anything is stored.
        tasks.MapPost("/{id:guid}/attachments", Upload).DisableAntiforgery()
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = InputLimits.UploadRequestBodyBytes })
            .WithRequestBodyLimit(InputLimits.UploadRequestBodyBytes);
        tasks.MapGet("/{id:guid}/attachments/{attachmentId:guid}", Download);
        return tasks;
    }

    private static async Task<IResult> Upload(Guid id, HttpRequest request, ISender sender, AttachmentOptions options, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw ProblemException.Invalid("file", ErrorCodes.FileNotMultipart);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A malformed multipart body: a file name with a raw CR/LF or an unescaped quote breaks its header; a body cut short.
            throw ProblemException.Invalid("file", ErrorCodes.FileUnreadable, e.Message);
        }

        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null)
            ?? throw ProblemException.Invalid("file", ErrorCodes.FileMissing);
        if (file.Length > options.MaxBytes)
        {
            throw ProblemException.Invalid("file", ErrorCodes.FileTooLarge, options.MaxBytes / 1024 / 1024);
        }

        await using var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, ct);
        content.Position = 0;
        var attachmentId = await sender.Send(new AddAttachmentCommand(id, file.FileName, content), ct);
        var task = await sender.Send(new GetTaskQuery(id), ct);
        var dto = task.Attachments.First(a => a.Id == attachmentId);
        return TypedResults.Created(dto.Url, dto);
    }

    private static async Task<IResult> Download(Guid id, Guid attachmentId, ISender sender, AttachmentStore store, HttpResponse response, CancellationToken ct)
    {
        var attachment = await sender.Send(new GetAttachmentQuery(id, attachmentId), ct);
        response.Headers.XContentTypeOptions = "nosniff";
        // Results.File writes Content-Disposition with an ASCII fallback and an RFC 5987 filename* in UTF-8, so
        // Vietnamese names arrive intact and no header injection is possible.
        return TypedResults.File(store.OpenRead(attachment.StorageKey), attachment.ContentType, attachment.FileName);
    }
}
