using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>
/// The assigner approves or rejects an open extension request. Approval moves <see cref="UnitTask.DueAt"/> (the
/// original deadline stays in <see cref="UnitTask.OriginalDueAt"/>) and resets the scheduling fields — escalation
/// level back to 0 and <see cref="UnitTask.NextActionAt"/> to now — so the due-work sweep re-plans reminders and
/// escalations from the new deadline instead of chasing the old one. Rejection changes nothing but the request.
/// A request whose deadline has passed by the time it is decided cannot be approved (409): the task would stay overdue
/// with its escalation reset, and the sweep, keyed on the new deadline, would mail the past escalation steps again.
/// </summary>
public sealed record DecideExtensionCommand(Guid TaskId, Guid RequestId, bool? Approve, string? Comment) : ICommand<Guid>;

public sealed class DecideExtensionHandler(TaskWorkspace workspace) : ICommandHandler<DecideExtensionCommand, Guid>
{
    public async ValueTask<Guid> Handle(DecideExtensionCommand command, CancellationToken cancellationToken)
    {
        if (command.Approve is null)
        {
            throw ProblemException.Invalid("approve", ErrorCodes.ApproveRequired);
        }

        if (TextRules.Paragraphs(command.Comment, InputLimits.NoteLength) is { } badComment)
        {
            throw ProblemException.Invalid("comment", badComment);
        }

        var (task, caller, _) = await workspace.LoadAsync(command.TaskId, TaskAction.DecideExtension, cancellationToken);
        var request = await workspace.Db.ExtensionRequests
            .FirstOrDefaultAsync(r => r.Id == command.RequestId && r.TaskId == task.Id, cancellationToken)
            ?? throw ProblemException.NotFound(ErrorCodes.ExtensionNotFound);
        if (request.Status != ExtensionRequestStatus.Requested)
        {
            // The decision in the reader's words, not the enum's name ("Đề nghị đã được quyết định (Approved)").
            throw ProblemException.Conflict(ErrorCodes.ExtensionDecided, new ErrorMessage(request.Status switch
            {
                ExtensionRequestStatus.Approved => ErrorCodes.ExtensionWasApproved,
                ExtensionRequestStatus.Rejected => ErrorCodes.ExtensionWasRejected,
                _ => ErrorCodes.ExtensionWasSuperseded,
            }));
        }

        var approve = command.Approve.Value;
        if (approve && request.RequestedDueAt <= workspace.Now)
        {
            throw ProblemException.Conflict(ErrorCodes.ExtensionDueDatePassed, DirectiveDocument.Format(VietnamTime.DateOf(request.RequestedDueAt)));
        }

        if (approve)
        {
            await DirectiveDeadlineCap.CheckAsync(workspace, task, request.RequestedDueAt, deciding: true, cancellationToken);
        }

        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        request.Status = approve ? ExtensionRequestStatus.Approved : ExtensionRequestStatus.Rejected;
        request.DecidedAt = workspace.Now;
        request.DecidedBy = caller.UserName;
        request.DecisionComment = comment;
        request.ConcurrencyStamp++;
        if (approve)
        {
            task.DueAt = request.RequestedDueAt;
            task.EscalationLevel = 0;
            task.NextActionAt = workspace.Now;
        }

        workspace.Record(task, caller.UserName, approve ? "extension.approved" : "extension.rejected",
            approve ? $"{request.RequestedDueAt:O}{(comment is null ? "" : ": " + comment)}" : comment);
        if (approve)
        {
            // The new deadline, as a calendar entry the unit can keep.
            await TaskEmails.QueueWithDeadlineAsync(workspace, task, task.UnitId, "extension-approved",
                "Đề nghị gia hạn được chấp thuận", "Extension approved", comment, workspace.Now, cancellationToken);
        }
        else
        {
            await TaskEmails.QueueAsync(workspace, task, task.UnitId, "extension-rejected",
                "Đề nghị gia hạn bị từ chối", "Extension rejected", comment, workspace.Now, cancellationToken);
        }
        await workspace.CommitAsync(cancellationToken);
        return request.Id;
    }
}
