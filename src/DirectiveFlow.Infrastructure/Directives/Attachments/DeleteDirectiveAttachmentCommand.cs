using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Attachments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Attachments;

/// <summary>Removes a file of the signed document (a wrong upload), for the issuing unit or an administrator; the bytes go after the row.</summary>
public sealed record DeleteDirectiveAttachmentCommand(Guid DirectiveId, Guid AttachmentId, string Actor, Caller Caller) : ICommand;

public sealed class DeleteDirectiveAttachmentHandler(DirectiveFlowDbContext db, AttachmentStore store, TimeProvider time)
    : ICommandHandler<DeleteDirectiveAttachmentCommand>
{
    public async ValueTask<Unit> Handle(DeleteDirectiveAttachmentCommand command, CancellationToken cancellationToken)
    {
        var directive = await DirectiveFileAccess.LoadForChangeAsync(db, command.Caller.Principal, command.DirectiveId, cancellationToken);
        var attachment = await db.DirectiveAttachments.FirstOrDefaultAsync(a => a.Id == command.AttachmentId && a.DirectiveId == directive.Id, cancellationToken)
            ?? throw ProblemException.NotFound(ErrorCodes.DirectiveAttachmentNotFound);
        db.DirectiveAttachments.Remove(attachment);
        db.Journal.Add(new JournalEntry
        {
            DirectiveId = directive.Id, InstanceId = directive.InstanceId, At = time.GetUtcNow(), Actor = command.Actor,
            Action = "directive.attachment.deleted", Detail = attachment.FileName,
        });
        await db.SaveChangesAsync(cancellationToken);
        store.Delete(attachment.StorageKey);
        return Unit.Value;
    }
}
