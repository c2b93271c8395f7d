using DirectiveFlow.Core.Tasks;
using Mediator;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>The lead unit confirms receipt of a task (Assigned → Acknowledged).</summary>
public sealed record AcknowledgeTaskCommand(Guid TaskId) : ICommand<Guid>;

public sealed class AcknowledgeTaskHandler(TaskWorkspace workspace) : ICommandHandler<AcknowledgeTaskCommand, Guid>
{
    public async ValueTask<Guid> Handle(AcknowledgeTaskCommand command, CancellationToken cancellationToken)
    {
        var (task, caller, _) = await workspace.LoadAsync(command.TaskId, TaskAction.Acknowledge, cancellationToken);
        task.Status = TaskStateMachine.AfterAcknowledge(task.Status);
        task.AcknowledgedAt = workspace.Now;
        workspace.Record(task, caller.UserName, "task.acknowledged");
        await workspace.CommitAsync(cancellationToken);
        return task.Id;
    }
}
