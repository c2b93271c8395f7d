using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Engine;
using Mediator;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>
/// An administrator withdraws an open task (e.g. issued in error); the reason is required and journalled. Its branch of
/// the flow ends with it (<see cref="IWorkflowEngine.OnTaskCancelledAsync"/>), in the same commit, so the cascade or
/// sub-cascade it belonged to does not wait for it.
/// </summary>
public sealed record CancelTaskCommand(Guid TaskId, string? Reason) : ICommand<Guid>;

public sealed class CancelTaskHandler(TaskWorkspace workspace, IWorkflowEngine engine) : ICommandHandler<CancelTaskCommand, Guid>
{
    public async ValueTask<Guid> Handle(CancelTaskCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw ProblemException.Invalid("reason", ErrorCodes.CancelReasonRequired);
        }

        if (TextRules.Paragraphs(command.Reason, InputLimits.NoteLength) is { } badReason)
        {
            throw ProblemException.Invalid("reason", badReason);
        }

        var (task, caller, _) = await workspace.LoadAsync(command.TaskId, TaskAction.Cancel, cancellationToken);
        task.Status = TaskStateMachine.AfterCancel(task.Status);
        task.NextActionAt = null;
        workspace.Record(task, caller.UserName, "task.cancelled", command.Reason.Trim());
        await OpenExtensionRequests.SupersedeAsync(workspace, task, caller.UserName, cancellationToken);
        await TaskEmails.QueueAsync(workspace, task, task.UnitId, "cancelled",
            "Nhiệm vụ đã bị hủy", "Task cancelled", command.Reason.Trim(), workspace.Now, cancellationToken);
        await workspace.CommitAsync(cancellationToken, () => engine.OnTaskCancelledAsync(workspace.Db, task, caller.UserName, cancellationToken));
        return task.Id;
    }
}
