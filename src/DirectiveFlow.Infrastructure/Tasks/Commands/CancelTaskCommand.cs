using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Engine;
using Mediator;
using Microsoft.EntityFrameworkCore;

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
        await CancelSubTasksAsync(task, caller.UserName, command.Reason.Trim(), cancellationToken);
        await workspace.CommitAsync(cancellationToken, () => engine.OnTaskCancelledAsync(workspace.Db, task, caller.UserName, cancellationToken));
        return task.Id;
    }

    /// <summary>
    /// The tasks the unit gave its own sub-units for this one (its sub-cascade) end with it: withdrawn, journalled, their
    /// open extension requests superseded and each sub-unit told — otherwise they would stay in the sub-units' inboxes and
    /// keep being reminded of work nobody awaits. A sub-task changed meanwhile makes the whole cancel a 409.
    /// </summary>
    private async Task CancelSubTasksAsync(UnitTask parent, string actor, string reason, CancellationToken cancellationToken)
    {
        if (parent.SubCascadeExecutionId is null)
        {
            return;
        }

        var children = await workspace.Db.Tasks.Where(t => t.ParentTaskId == parent.Id).ToListAsync(cancellationToken);
        var open = children.Where(t => TaskStateMachine.IsOpen(t.Status)).ToList();
        foreach (var child in open)
        {
            child.Status = TaskStateMachine.AfterCancel(child.Status);
            child.NextActionAt = null;
            workspace.Record(child, actor, "task.cancelled", reason);
            await TaskEmails.QueueAsync(workspace, child, child.UnitId, "cancelled",
                "Nhiệm vụ đã bị hủy", "Task cancelled", reason, workspace.Now, cancellationToken);
        }

        await OpenExtensionRequests.SupersedeAsync(workspace, open.Select(t => t.Id).ToList(), actor, cancellationToken);
    }
}
