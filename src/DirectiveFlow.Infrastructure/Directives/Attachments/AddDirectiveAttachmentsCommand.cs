using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Attachments;
using Mediator;

namespace DirectiveFlow.Infrastructure.Directives.Attachments;

/// <summary>
/// Attaches the signed document (one or more PDFs) to a directive, for its issuing unit or an administrator
/// (<see cref="DirectiveFileAccess"/>). Every file is checked (<see cref="AttachmentUpload"/>: PDF only, size, magic bytes)
/// before any is stored, so a refused batch leaves nothing behind.
/// </summary>
public sealed record AddDirectiveAttachmentsCommand(Guid DirectiveId, IReadOnlyList<UploadedFile> Files, string Actor, Caller Caller)
    : ICommand<IReadOnlyList<DirectiveAttachmentDto>>;

public sealed class AddDirectiveAttachmentsHandler(DirectiveFlowDbContext db, AttachmentStore store, AttachmentOptions options, TimeProvider time)
    : ICommandHandler<AddDirectiveAttachmentsCommand, IReadOnlyList<DirectiveAttachmentDto>>
{
    private static readonly (IReadOnlySet<string>, string) PdfOnly =
        (new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".pdf" }, ErrorCodes.DirectiveFileNotPdf);

    public async ValueTask<IReadOnlyList<DirectiveAttachmentDto>> Handle(AddDirectiveAttachmentsCommand command, CancellationToken cancellationToken)
    {
        if (command.Files.Count == 0)
        {
            throw ProblemException.Invalid("file", ErrorCodes.FileMissing);
        }

        var checkedFiles = Check(command.Files, options);
        var directive = await DirectiveFileAccess.LoadForChangeAsync(db, command.Caller.Principal, command.DirectiveId, cancellationToken);
        var now = time.GetUtcNow();
        var saved = new List<DirectiveAttachment>();
        try
        {
            foreach (var (file, (name, contentType)) in checkedFiles)
            {
                saved.Add(new DirectiveAttachment
                {
                    Id = Guid.CreateVersion7(now), DirectiveId = directive.Id, FileName = name, ContentType = contentType,
                    Size = file.Content.Length, StorageKey = await store.SaveAsync(file.Content, cancellationToken), UploadedAt = now,
                    UploadedBy = command.Actor,
                });
            }

            db.DirectiveAttachments.AddRange(saved);
            db.Journal.AddRange(saved.Select(a => new JournalEntry
            {
                DirectiveId = directive.Id, InstanceId = directive.InstanceId, At = now, Actor = command.Actor, Action = "directive.attachment", Detail = a.FileName,
            }));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            foreach (var attachment in saved)
            {
                store.Delete(attachment.StorageKey);
            }

            throw;
        }

        return saved.Select(DirectiveAttachmentDto.Of).ToList();
    }

    /// <summary>
    /// Each file's cleaned name and content type; the first refused file throws (400 on <c>file</c>). The new-directive
    /// page checks before issuing, so a bad file does not leave a directive issued without its document.
    /// </summary>
    public static List<(UploadedFile File, (string Name, string ContentType) Type)> Check(IReadOnlyList<UploadedFile> files, AttachmentOptions options) =>
        files.Select(f => (f, AttachmentUpload.Check(f.FileName, f.Content, options, PdfOnly))).ToList();
}
