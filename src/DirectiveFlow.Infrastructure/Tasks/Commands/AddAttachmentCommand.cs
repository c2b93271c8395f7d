using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Attachments;
using Mediator;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>
/// The lead unit attaches a file to its result while it may still complete the task, once <see cref="AttachmentUpload"/>
/// has checked its name, type, size and content.
/// </summary>
public sealed record AddAttachmentCommand(Guid TaskId, string? FileName, Stream Content) : ICommand<Guid>;

public sealed class AddAttachmentHandler(TaskWorkspace workspace, AttachmentStore store, AttachmentOptions options)
    : ICommandHandler<AddAttachmentCommand, Guid>
{
    public async ValueTask<Guid> Handle(AddAttachmentCommand command, CancellationToken cancellationToken)
    {
        var (name, contentType) = AttachmentUpload.Check(command.FileName, command.Content, options);
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
}
