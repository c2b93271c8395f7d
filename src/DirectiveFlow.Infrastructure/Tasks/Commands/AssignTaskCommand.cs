using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Access;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>
/// The lead unit's head or an officer gives an open task to a named, active officer (or head) of the unit, gives it to
/// someone else, or takes it back (<see cref="UserId"/> null). The person is journaled (<c>task.officer.assigned</c> /
/// <c>task.officer.unassigned</c>) and emailed, with the deadline as <c>.ics</c>.
/// </summary>
public sealed record AssignTaskCommand(Guid TaskId, Guid? UserId) : ICommand<Guid>;

public sealed class AssignTaskHandler(TaskWorkspace workspace) : ICommandHandler<AssignTaskCommand, Guid>
{
    public async ValueTask<Guid> Handle(AssignTaskCommand command, CancellationToken cancellationToken)
    {
        var (task, caller, _) = await workspace.LoadAsync(command.TaskId, (task, sides) =>
        {
            TaskAccessPolicy.EnsureMayAssign(sides);
            if (!TaskStateMachine.IsOpen(task.Status))
            {
                throw ProblemException.Conflict(ErrorCodes.TaskClosedForAssignment);
            }
        }, cancellationToken);

        if (command.UserId is not { } userId)
        {
            if (task.AssignedUserId is not null)
            {
                task.AssignedUserId = null;
                workspace.Record(task, caller.UserName, "task.officer.unassigned");
                await workspace.CommitAsync(cancellationToken);
            }

            return task.Id;
        }

        var db = workspace.Db;
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.UnitId, u.IsActive, u.FullName, u.Position, u.Email, u.UserName })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw ProblemException.Invalid("userId", ErrorCodes.AssigneeNotFound);
        if (person.UnitId != task.UnitId)
        {
            throw ProblemException.Invalid("userId", ErrorCodes.AssigneeOtherUnit);
        }

        if (!person.IsActive)
        {
            throw ProblemException.Invalid("userId", ErrorCodes.AssigneeInactive);
        }

        // An account of the unit that is neither officer nor head (an observer placed there) is not someone to give work to.
        if (!await UnitOfficers.Assignable(db, task.UnitId).AnyAsync(u => u.Id == userId, cancellationToken))
        {
            throw ProblemException.Invalid("userId", ErrorCodes.AssigneeOtherUnit);
        }

        if (task.AssignedUserId == userId)
        {
            return task.Id;
        }

        task.AssignedUserId = userId;
        var name = new AssigneeDto(person.Id, string.IsNullOrWhiteSpace(person.FullName) ? person.UserName ?? "" : person.FullName, person.Position).Label;
        workspace.Record(task, caller.UserName, "task.officer.assigned", name);
        if (person.Email is { Length: > 0 } email)
        {
            await TaskEmails.QueueToPersonAsync(workspace, task, email, "assigned", "Nhiệm vụ được giao cho bạn", "Task assigned to you",
                null, workspace.Now, cancellationToken);
        }

        await workspace.CommitAsync(cancellationToken);
        return task.Id;
    }
}
