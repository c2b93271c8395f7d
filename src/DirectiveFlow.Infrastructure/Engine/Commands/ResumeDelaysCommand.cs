using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DirectiveFlow.Infrastructure.Engine.Commands;

/// <summary>
/// The due-work sweep's call: wakes every Delay and deadline-completing Cascade whose ResumeAt has passed at
/// <paramref name="Now"/>, each in its own transaction. Answers how many were resumed by this call.
/// </summary>
public sealed record ResumeDelaysCommand(DateTimeOffset Now, int Limit = 500) : ICommand<int>;

public sealed class ResumeDelaysHandler(DirectiveFlowDbContext db, IMediator mediator, ILogger<ResumeDelaysHandler> logger)
    : ICommandHandler<ResumeDelaysCommand, int>
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
            // One execution that cannot be resumed now does not hold back every one due after it (the step rolled back
            // whole and left nothing on the shared context: WorkflowEngine.RunStepAsync).
            try
            {
                if (await mediator.Send(new ResumeExecutionCommand(id), cancellationToken) == ResumeResult.Resumed)
                {
                    resumed++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Resuming execution {ExecutionId} failed; it is tried again at the next sweep", id);
            }
        }

        return resumed;
    }
}
