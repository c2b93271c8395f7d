using DirectiveFlow.Core.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Commands;

/// <summary>
/// A request nobody decided must not outlive its task: once the task is completed, accepted or cancelled, no decision
/// can be taken any more, so the request would wait "awaiting decision" in the assigner's queue for ever.
/// </summary>
internal static class OpenExtensionRequests
{
    /// <summary>
    /// Marks the task's undecided requests <see cref="ExtensionRequestStatus.Superseded"/>, stamped with the moment and
    /// the person that ended the task. Tracked only: the caller's commit writes them with the task's end. No query when
    /// the task had none as it was loaded (<see cref="TaskWorkspace.HasOpenExtensionRequests"/>).
    /// </summary>
    public static async Task SupersedeAsync(TaskWorkspace workspace, UnitTask task, string actor, CancellationToken cancellationToken)
    {
        if (workspace.HasOpenExtensionRequests)
        {
            await SupersedeAsync(workspace, [task.Id], actor, cancellationToken);
        }
    }

    /// <summary>The same for tasks ended with the loaded one (a cancelled task's sub-tasks): their requests are looked up.</summary>
    public static async Task SupersedeAsync(TaskWorkspace workspace, IReadOnlyCollection<Guid> taskIds, string actor, CancellationToken cancellationToken)
    {
        var open = await workspace.Db.ExtensionRequests
            .Where(r => taskIds.Contains(r.TaskId) && r.Status == ExtensionRequestStatus.Requested)
            .ToListAsync(cancellationToken);
        foreach (var request in open)
        {
            request.Status = ExtensionRequestStatus.Superseded;
            request.DecidedAt = workspace.Now;
            request.DecidedBy = actor;
            request.ConcurrencyStamp++;
        }
    }
}
