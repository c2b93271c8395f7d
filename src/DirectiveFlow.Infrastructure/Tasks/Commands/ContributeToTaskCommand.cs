using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>A supporting unit records (or updates) its contribution to a task; it never completes the task.</summary>
public sealed record ContributeToTaskCommand(Guid TaskId, string? Note) : ICommand<Guid>;

public sealed class ContributeToTaskHandler(TaskWorkspace workspace) : ICommandHandler<ContributeToTaskCommand, Guid>
{
    public async ValueTask<Guid> Handle(ContributeToTaskCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Note))
        {
            throw ProblemException.Invalid("note", ErrorCodes.ContributionRequired);
        }

        if (TextRules.Paragraphs(command.Note, InputLimits.NoteLength) is { } badNote)
        {
            throw ProblemException.Invalid("note", badNote);
        }

        var (task, caller, _) = await workspace.LoadAsync(command.TaskId, TaskAction.Contribute, cancellationToken);
        var row = await workspace.Db.TaskSupportingUnits
            .FirstAsync(s => s.TaskId == task.Id && s.UnitId == caller.UnitId, cancellationToken);
        row.Contribution = command.Note.Trim();
        row.ContributedAt = workspace.Now;
        row.ContributedBy = caller.UserName;
        workspace.Record(task, caller.UserName, "task.contributed", row.Contribution);
        await workspace.CommitAsync(cancellationToken);
        return task.Id;
    }
}
