using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Engine;
using Mediator;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>
/// The lead unit submits its result. With a review to follow the task becomes Reported and waits for the assigner;
/// otherwise it is Completed and the engine moves the flow on (along <see cref="Outcome"/>, default "Done") in the
/// same transaction. Refused (409) while a sub-cascade the unit started is still open, unless the flow allows it.
/// </summary>
public sealed record CompleteTaskCommand(Guid TaskId, string? Result, string? Outcome = null) : ICommand<Guid>;

public sealed class CompleteTaskHandler(TaskWorkspace workspace, IWorkflowEngine engine, TaskOutcomes outcomes) : ICommandHandler<CompleteTaskCommand, Guid>
{
    public async ValueTask<Guid> Handle(CompleteTaskCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Result))
        {
            throw ProblemException.Invalid("result", ErrorCodes.ResultRequired);
        }

        if (TextRules.Paragraphs(command.Result, 8000) is { } badResult)
        {
            throw ProblemException.Invalid("result", badResult);
        }

        var (task, caller, _) = await workspace.LoadAsync(command.TaskId, TaskAction.Complete, cancellationToken);
        var outcome = string.IsNullOrWhiteSpace(command.Outcome) ? Outcomes.Done : command.Outcome.Trim();
        var allowed = await outcomes.OfAsync(workspace.Db, task, workspace.DefinitionRecordId, cancellationToken);
        if (!allowed.Contains(outcome, StringComparer.Ordinal))
        {
            throw ProblemException.Invalid("outcome", ErrorCodes.UnknownOutcome, outcome, string.Join(", ", allowed));
        }

        if (!await engine.CanCompleteAsync(workspace.Db, task, cancellationToken))
        {
            throw ProblemException.Conflict(ErrorCodes.SubCascadeOpen);
        }

        task.Status = TaskStateMachine.AfterComplete(task.Status, task.RequiresReview);
        task.ResultSummary = command.Result.Trim();
        task.ReportedAt = workspace.Now;
        var actor = caller.UserName;
        if (task.Status == UnitTaskStatus.Reported)
        {
            workspace.Record(task, actor, "task.reported", task.ResultSummary);
            await TaskEmails.QueueAsync(workspace, task, task.AssignerUnitId, "reported",
                "Kết quả chờ đánh giá", "Result awaiting review", task.ResultSummary, workspace.Now, cancellationToken);
            await workspace.CommitAsync(cancellationToken);
            return task.Id;
        }

        task.CompletedAt = workspace.Now;
        task.ProgressPercent = 100;
        task.NextActionAt = null;
        workspace.Record(task, actor, "task.completed", task.ResultSummary);
        await OpenExtensionRequests.SupersedeAsync(workspace, task, actor, cancellationToken);
        await TaskEmails.QueueAsync(workspace, task, task.AssignerUnitId, "completed",
            "Nhiệm vụ đã hoàn thành", "Task completed", task.ResultSummary, workspace.Now, cancellationToken);
        await workspace.CommitAsync(cancellationToken,
            () => engine.OnTaskFinishedAsync(workspace.Db, task, outcome, actor, cancellationToken));
        return task.Id;
    }
}
