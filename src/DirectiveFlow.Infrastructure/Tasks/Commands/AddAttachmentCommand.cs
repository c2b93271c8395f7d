using System.Text;
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
            throw TaskProblemException.Invalid("file", "Chỉ nhận tệp pdf, docx, xlsx, png, jpg. / Only pdf, docx, xlsx, png and jpg files are accepted.");
        }

        if (command.Content.Length == 0 || command.Content.Length > options.MaxBytes)
        {
            throw TaskProblemException.Invalid("file", $"Tệp rỗng hoặc vượt quá {options.MaxBytes / 1024 / 1024} MB. / The file is empty or larger than {options.MaxBytes} bytes.");
        }

        if (!AttachmentTypes.Matches(extension, command.Content))
        {
            throw TaskProblemException.Invalid("file", "Nội dung tệp không khớp với phần mở rộng. / The file's content does not match its extension.");
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
