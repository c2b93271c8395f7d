using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Engine;
using DirectiveFlow.Infrastructure.Engine.Notices;
using Mediator;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>
/// The assigner reviews a reported result: "accept" completes the task and the engine continues from the Review's
/// Accepted port; "return" sends it back for rework (a comment is then required) and the unit works again.
/// </summary>
/// <remarks>
/// On accept, <see cref="UnitTask.CompletedAt"/> is set to <see cref="UnitTask.ReportedAt"/> — the moment the unit
/// submitted the result that was accepted — not to the moment of the review. The government categories judge the
/// unit's timeliness, and a unit must not turn "late" because its reviewer took a week.
/// </remarks>
public sealed record ReviewTaskCommand(Guid TaskId, string? Decision, string? Comment) : ICommand<Guid>;

public sealed class ReviewTaskHandler(TaskWorkspace workspace, IWorkflowEngine engine, AssignmentNoticeWriter notices) : ICommandHandler<ReviewTaskCommand, Guid>
{
    /// <summary>The outcome handed to the engine when a reviewed task is accepted.</summary>
    public const string AcceptedOutcome = "Accepted";

    public async ValueTask<Guid> Handle(ReviewTaskCommand command, CancellationToken cancellationToken)
    {
        var accept = command.Decision?.Trim().ToLowerInvariant() switch
        {
            "accept" => true,
            "return" => false,
            _ => throw ProblemException.Invalid("decision", ErrorCodes.ReviewDecision),
        };
        if (!accept && string.IsNullOrWhiteSpace(command.Comment))
        {
            throw ProblemException.Invalid("comment", ErrorCodes.CommentRequiredToReturn);
        }

        if (TextRules.Paragraphs(command.Comment, InputLimits.NoteLength) is { } badComment)
        {
            throw ProblemException.Invalid("comment", badComment);
        }

        var (task, caller, _) = await workspace.LoadAsync(command.TaskId, TaskAction.Review, cancellationToken);
        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        task.Status = TaskStateMachine.AfterReview(task.Status, accept);
        if (!accept)
        {
            // Back in the unit's hands: the due-work sweep plans its reminders and held escalation steps again.
            task.NextActionAt = workspace.Now;
            workspace.Record(task, caller.UserName, "task.returned", comment);
            // The unit's notice, keyed by the task's new version: each return is told once.
            await workspace.CommitAsync(cancellationToken,
                () => notices.WriteReturnedAsync(workspace.Db, task, comment, workspace.Now, cancellationToken));
            return task.Id;
        }

        task.CompletedAt = task.ReportedAt ?? workspace.Now;
        task.ProgressPercent = 100;
        task.NextActionAt = null;
        workspace.Record(task, caller.UserName, "task.accepted", comment);
        await OpenExtensionRequests.SupersedeAsync(workspace, task, caller.UserName, cancellationToken);
        await TaskEmails.QueueAsync(workspace, task, task.UnitId, "accepted",
            "Kết quả đã được chấp nhận", "Result accepted", comment, workspace.Now, cancellationToken);
        await workspace.CommitAsync(cancellationToken,
            () => engine.OnTaskFinishedAsync(workspace.Db, task, AcceptedOutcome, caller.UserName, cancellationToken));
        return task.Id;
    }
}
