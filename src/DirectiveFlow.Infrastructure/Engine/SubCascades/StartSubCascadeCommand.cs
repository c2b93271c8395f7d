using System.Security.Claims;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Engine.Notices;
using DirectiveFlow.Infrastructure.Engine.Runtime;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.SubCascades;

/// <summary>
/// A unit re-cascades its task to its own sub-units: one child task per sub-unit (ParentTaskId = the task) under a
/// sub-cascade execution that joins them. The parent task cannot complete before the sub-cascade does, unless the
/// flow allows it. Only an officer or head of the task's own unit may (<see cref="MayCascade"/>): to
/// <paramref name="Caller"/>, another unit's task reads as missing, so its existence does not leak. Only
/// <see cref="Caller.System"/> (tests) re-cascades without that check.
/// </summary>
public sealed record StartSubCascadeCommand(
    Guid TaskId, IReadOnlyList<Guid>? UnitIds, JsonObject? Selector, string? Title, string? Instructions, JsonObject? Deadline, string Actor,
    Caller Caller)
    : ICommand<StartSubCascadeResult>
{
    /// <summary>Whether <paramref name="caller"/> acts for the unit that leads <paramref name="task"/>.</summary>
    public static bool MayCascade(ClaimsPrincipal caller, UnitTask task) =>
        DirectiveFlowClaims.UnitIdOf(caller) == task.UnitId && (caller.IsInRole(Roles.UnitOfficer) || caller.IsInRole(Roles.UnitHead));
}

public sealed class StartSubCascadeHandler(DirectiveFlowDbContext db, DeadlineCalculator deadlines, AssignmentNoticeWriter notices, TimeProvider time)
    : ICommandHandler<StartSubCascadeCommand, StartSubCascadeResult>
{
    public async ValueTask<StartSubCascadeResult> Handle(StartSubCascadeCommand command, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.SingleOrDefaultAsync(t => t.Id == command.TaskId, cancellationToken);
        if (task is null || (command.Caller.Principal is { } caller && !StartSubCascadeCommand.MayCascade(caller, task)))
        {
            throw ProblemException.NotFound(ErrorCodes.UnitTaskNotFound, command.TaskId);
        }

        if (TextRules.Line(command.Title, InputLimits.TitleLength) is { } badTitle)
        {
            throw ProblemException.Invalid("title", badTitle);
        }

        if (TextRules.Paragraphs(command.Instructions, InputLimits.InstructionsLength) is { } badInstructions)
        {
            throw ProblemException.Invalid("instructions", badInstructions);
        }

        if (task.Status is UnitTaskStatus.Completed or UnitTaskStatus.Cancelled or UnitTaskStatus.Reported)
        {
            throw ProblemException.Conflict(ErrorCodes.SubCascadeTaskClosed, task.Status.ToString());
        }

        if (task.SubCascadeExecutionId is { } open
            && await db.ActivityExecutions.AnyAsync(e => e.Id == open && e.Status == ActivityExecutionStatus.Waiting, cancellationToken))
        {
            throw ProblemException.Conflict(ErrorCodes.SubCascadeStillOpen);
        }

        DeadlineSpec? deadline;
        try
        {
            deadline = DeadlineSpec.FromJson(command.Deadline);
        }
        catch (ActivityPropertiesException e)
        {
            throw ProblemException.Invalid("deadline", ErrorCodes.DeadlineInvalid, e.Problem);
        }

        // Sub-units (departments, member organisations, residential groups), not the lower-level pillar units a Cascade reaches.
        var children = db.Units.AsNoTracking().Where(u => u.ParentId == task.UnitId && u.IsActive && u.Level == UnitLevel.SubUnit);
        if (command.UnitIds is { Count: > 0 } ids)
        {
            children = children.Where(u => ids.Contains(u.Id));
        }
        else if (command.Selector is not null)
        {
            try
            {
                children = Selector.FromJson(command.Selector)!.ApplyFilters(children);
            }
            catch (ActivityPropertiesException e)
            {
                throw ProblemException.Invalid("selector", ErrorCodes.SelectorInvalid, e.Problem);
            }
        }

        var units = await children.OrderBy(u => u.Code).Select(u => new TargetUnit(u.Id, u.Code, u.Name, u.Pillar, u.Level, u.ParentId)).ToListAsync(cancellationToken);
        if (units.Count == 0 || (command.UnitIds is { Count: > 0 } wanted && units.Count != wanted.Distinct().Count()))
        {
            throw ProblemException.Invalid("unitIds", ErrorCodes.SubCascadeUnits);
        }

        var now = time.GetUtcNow();
        var directive = await db.Directives.Where(d => d.Id == task.DirectiveId).Select(d => new { d.InputsJson, d.Deadline }).SingleAsync(cancellationToken);
        DateTimeOffset due;
        try
        {
            // Capped like every other task: no sub-unit is due after the directive's overall deadline.
            due = DeadlineCalculator.Capped(deadlines.DueAt(deadline, JsonNode.Parse(directive.InputsJson) as JsonObject ?? [], now), directive.Deadline);
        }
        catch (FlowFaultException e)
        {
            throw ProblemException.Invalid("deadline", e.Problem);
        }

        var execution = new ActivityExecution
        {
            Id = Guid.CreateVersion7(now), InstanceId = task.InstanceId, ActivityId = task.ActivityId, ActivityType = ExecutionKinds.SubCascade,
            ParentExecutionId = task.CascadeExecutionId, UnitId = task.UnitId, ItemNo = task.ItemNo, Status = ActivityExecutionStatus.Waiting,
            ExpectedBranches = units.Count, WrittenBranches = units.Count, CreatedAt = now,
        };
        var activityId = $"{task.ActivityId}/sub:{execution.Id:N}";
        var template = TaskTemplate.ForSubCascade(task, activityId.Length <= 100 ? activityId : activityId[^100..], command.Title!.Trim(),
            command.Instructions ?? "", due, deadlines.FirstActionAt(TaskPolicy.Parse(task.PolicyJson), due, now), now);
        var rows = units.Select(u => template.CreateFor(u, new FlowScope(execution.Id, u.Id, task.ItemNo), task.UnitId, task.Id)).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ActivityExecutions.Add(execution);
        db.Tasks.AddRange(rows);
        task.SubCascadeExecutionId = execution.Id;
        task.ConcurrencyStamp++;
        db.Journal.Add(new Core.Journal.JournalEntry
        {
            DirectiveId = task.DirectiveId, InstanceId = task.InstanceId, TaskId = task.Id, ActivityId = task.ActivityId, At = now,
            Actor = command.Actor, Action = "subcascade.started", Detail = string.Join(", ", units.Select(u => u.Code)),
        });
        await db.SaveChangesAsync(cancellationToken);
        await notices.WriteAssignedAsync(db, rows, [], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StartSubCascadeResult(execution.Id, rows.Select(r => r.Id).ToList());
    }
}
