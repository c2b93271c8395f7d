using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using Mediator;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>
/// The lead unit reports progress. Percent is 0–100 and may not fall below the last report's: progress on record
/// is what the unit has already declared done, so a lower figure is refused (400) rather than silently rewriting
/// history; a unit that over-reported says so in the note of its next report.
/// </summary>
public sealed record ReportProgressCommand(Guid TaskId, string? Note, int? Percent) : ICommand<Guid>;

public sealed class ReportProgressHandler(TaskWorkspace workspace) : ICommandHandler<ReportProgressCommand, Guid>
{
    public async ValueTask<Guid> Handle(ReportProgressCommand command, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(command.Note))
        {
            errors.Add("note", ErrorCodes.ProgressNoteRequired);
        }
        else
        {
            errors.Report("note", TextRules.Paragraphs(command.Note, InputLimits.NoteLength));
        }

        if (command.Percent is not (>= 0 and <= 100))
        {
            errors.Add("percent", ErrorCodes.PercentRange);
        }

        errors.ThrowIfAny();
        var (task, caller, _) = await workspace.LoadAsync(command.TaskId, TaskAction.Progress, cancellationToken);
        if (command.Percent!.Value < task.ProgressPercent)
        {
            throw ProblemException.Invalid("percent", ErrorCodes.PercentBelowLast, task.ProgressPercent);
        }

        task.Status = TaskStateMachine.AfterProgress(task.Status);
        task.ProgressPercent = command.Percent.Value;
        task.LastProgressAt = workspace.Now;
        workspace.Db.ProgressReports.Add(new TaskProgressReport
        {
            Id = Guid.CreateVersion7(),
            TaskId = task.Id,
            UnitId = task.UnitId,
            Note = command.Note!.Trim(),
            Percent = command.Percent.Value,
            ReportedAt = workspace.Now,
            ReportedBy = caller.UserName,
        });
        workspace.Record(task, caller.UserName, "task.progress", $"{command.Percent}%: {command.Note!.Trim()}");
        await workspace.CommitAsync(cancellationToken);
        return task.Id;
    }
}
