using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Engine.Commands;

/// <summary>
/// The due-work sweep's call: wakes every Delay and deadline-completing Cascade whose ResumeAt has passed at
/// <paramref name="Now"/>, each in its own transaction. Answers how many were resumed by this call.
/// </summary>
public sealed record ResumeDelaysCommand(DateTimeOffset Now, int Limit = 500) : ICommand<int>;

public sealed class ResumeDelaysHandler(DirectiveFlowDbContext db, IMediator mediator) : ICommandHandler<ResumeDelaysCommand, int>
{
    public async ValueTask<int> Handle(ResumeDelaysCommand command, CancellationToken cancellationToken)
    {
        var due = await db.ActivityExecutions.AsNoTracking()
            .Where(e => e.Status == ActivityExecutionStatus.Waiting && e.ResumeAt != null && e.ResumeAt <= command.Now
                && (e.ActivityType == ActivityTypes.Delay || e.ActivityType == ActivityTypes.Cascade)
                && db.WorkflowInstances.Any(i => i.Id == e.InstanceId && i.Status == WorkflowInstanceStatus.Running))
            .OrderBy(e => e.ResumeAt)
            .Select(e => e.Id)
            .Take(command.Limit)
            .ToListAsync(cancellationToken);
        var resumed = 0;
        foreach (var id in due)
        {
            if (await mediator.Send(new ResumeExecutionCommand(id), cancellationToken) == ResumeResult.Resumed)
            {
                resumed++;
            }
        }

        return resumed;
    }
}
