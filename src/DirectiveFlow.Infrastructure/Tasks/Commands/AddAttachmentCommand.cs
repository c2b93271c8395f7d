using System.Text;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Attachments;
using Mediator;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>
/// The lead unit attaches a file to its result while it may still complete the task. The size, the extension and
/// the content's magic bytes are checked before anything is written; the file name is kept (NFC-normalised, so
/// Vietnamese diacritics survive) only as a label, never as a path.
/// </summary>
public sealed record AddAttachmentCommand(Guid TaskId, string? FileName, Stream Content) : ICommand<Guid>;

public sealed class AddAttachmentHandler(TaskWorkspace workspace, AttachmentStore store, AttachmentOptions options)
    : ICommandHandler<AddAttachmentCommand, Guid>
{
    public async ValueTask<Guid> Handle(AddAttachmentCommand command, CancellationToken cancellationToken)
    {
        var name = CleanName(command.FileName);
        var extension = Path.GetExtension(name);
        if (name.Length == 0 || !AttachmentTypes.ContentTypes.TryGetValue(extension, out var contentType))
        {
            throw ProblemException.Invalid("file", ErrorCodes.FileType);
        }

        if (command.Content.Length == 0 || command.Content.Length > options.MaxBytes)
        {
            throw ProblemException.Invalid("file", ErrorCodes.FileSize, options.MaxBytes / 1024 / 1024);
        }

        if (!AttachmentTypes.Matches(extension, command.Content))
        {
            throw ProblemException.Invalid("file", ErrorCodes.FileContent);
        }

        var (task, caller, _) = await workspace.LoadAsync(command.TaskId, TaskAction.Complete, cancellationToken);
        var key = await store.SaveAsync(command.Content, cancellationToken);
        var attachment = new TaskAttachment
        {
            Id = Guid.CreateVersion7(),
            TaskId = task.Id,
            FileName = name,
            ContentType = contentType,
            Size = command.Content.Length,
            StorageKey = key,
            UploadedAt = workspace.Now,
            UploadedBy = caller.UserName,
        };
        workspace.Db.Attachments.Add(attachment);
        workspace.Record(task, caller.UserName, "task.attachment", name);
        try
        {
            await workspace.CommitAsync(cancellationToken);
        }
        catch
        {
            store.Delete(key);
            throw;
        }

        return attachment.Id;
    }

    private static string CleanName(string? raw)
    {
        var name = Path.GetFileName((raw ?? "").Replace('\\', '/')).Normalize(NormalizationForm.FormC);
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        if (name.Length > 200)
        {
            var extension = Path.GetExtension(name);
            name = name[..(200 - extension.Length)] + extension;
        }

        return name;
    }
}
