using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Infrastructure.Tasks.Attachments;
using DirectiveFlow.Web.Api.Problems;
using Microsoft.AspNetCore.Mvc;

namespace DirectiveFlow.Web.Api.Uploads;

/// <summary>
/// Reads the files of a multipart upload (a task's result, a directive's signed document) into memory, refusing with a
/// coded 400 on <c>file</c> a body that is not multipart or cannot be read, no file, or a file over the size limit;
/// what each file is, is checked by the command (<see cref="AttachmentUpload"/>).
/// </summary>
public static class MultipartFiles
{
    /// <summary>Bearer clients post multipart without an antiforgery token; the body is bounded before it is read.</summary>
    public static RouteHandlerBuilder AcceptsUploads(this RouteHandlerBuilder endpoint) =>
        endpoint.DisableAntiforgery()
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = InputLimits.UploadRequestBodyBytes })
            .WithRequestBodyLimit(InputLimits.UploadRequestBodyBytes);

    public static async Task<IReadOnlyList<UploadedFile>> ReadAsync(HttpRequest request, AttachmentOptions options, CancellationToken ct)
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

        if (form.Files.Count == 0)
        {
            throw ProblemException.Invalid("file", ErrorCodes.FileMissing);
        }

        var files = new List<UploadedFile>();
        foreach (var file in form.Files)
        {
            files.Add(await InMemoryAsync(file, options, ct));
        }

        return files;
    }

    /// <summary>One posted file in memory (seekable, for the content check); one over the size limit is refused unread.</summary>
    public static async Task<UploadedFile> InMemoryAsync(IFormFile file, AttachmentOptions options, CancellationToken ct)
    {
        if (file.Length > options.MaxBytes)
        {
            throw ProblemException.Invalid("file", ErrorCodes.FileTooLarge, options.MaxBytes / 1024 / 1024);
        }

        var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, ct);
        content.Position = 0;
        return new UploadedFile(file.FileName, content);
    }
}
