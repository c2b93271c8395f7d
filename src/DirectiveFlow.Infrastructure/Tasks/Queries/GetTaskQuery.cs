using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Engine;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tasks.Queries;

/// <summary>One task with everything its page shows, for a caller who may read it (404 otherwise).</summary>
public sealed record GetTaskQuery(Guid TaskId) : IQuery<TaskDetailDto>;

public sealed class GetTaskHandler(DirectiveFlowDbContext db, TaskReadAccess access, TaskClock clock, IWorkflowEngine engine) : IQueryHandler<GetTaskQuery, TaskDetailDto>
{
    public async ValueTask<TaskDetailDto> Handle(GetTaskQuery query, CancellationToken cancellationToken)
    {
        // One connection for the whole read (an open per query costs more than these small queries).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ReadAsync(query.TaskId, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Five queries for a task as a completion leaves it: the task with its directive, units and assignee; its supporting
    /// units; its progress reports, extension requests and attachments. The names of the people behind reports,
    /// extensions, attachments and contributions, and an open sub-cascade, take one more each, only when there are some.
    /// </summary>
    private async Task<TaskDetailDto> ReadAsync(Guid taskId, CancellationToken cancellationToken)
    {
        var ((task, supporting, _, sides), head, supportingNames) = await access.LoadWithHeadAsync(taskId, cancellationToken);
        var names = supportingNames.ToDictionary(u => u.Id);
        var reports = await db.ProgressReports.AsNoTracking().Where(r => r.TaskId == task.Id)
            .OrderBy(r => r.ReportedAt)
            .Select(r => new ProgressReportDto(r.Id, r.Note, r.Percent, r.ReportedAt, r.ReportedBy))
            .ToListAsync(cancellationToken);
        var extensions = await db.ExtensionRequests.AsNoTracking().Where(r => r.TaskId == task.Id)
            .OrderBy(r => r.RequestedAt)
            .Select(r => new ExtensionRequestDto(r.Id, r.TaskId, ExtensionStatusView.Of(r.Status, task.Status), r.AdditionalWorkingDays, r.RequestedDueAt, r.PreviousDueAt,
                r.Reason, r.RequestedAt, r.RequestedBy, r.DecidedAt, r.DecidedBy, r.DecisionComment))
            .ToListAsync(cancellationToken);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.TaskId == task.Id)
            .OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt, a.UploadedBy, ""))
            .ToListAsync(cancellationToken);
        var subCascadeOpen = task.SubCascadeExecutionId is not null && !await engine.CanCompleteAsync(db, task, cancellationToken);
        var hasOpenExtension = extensions.Any(e => e.Status == nameof(ExtensionRequestStatus.Requested));

        var people = await PersonNames.LoadAsync(db,
            reports.Select(r => r.ReportedBy).Concat(extensions.SelectMany(e => new[] { e.RequestedBy, e.DecidedBy }))
                .Concat(attachments.Select(a => a.UploadedBy)).Concat(supporting.Select(s => s.ContributedBy)), cancellationToken);
        return new TaskDetailDto(
            task.Id, task.DirectiveId, head.DirectiveNumber, head.DirectiveTitle, head.DirectiveBody, task.Title, task.Instructions,
            task.UnitId, head.LeadCode ?? "", head.LeadName ?? "", task.AssignerUnitId, head.AssignerCode, head.AssignerName,
            task.Status.ToString(), clock.CategoryOf(task.Status, task.DueAt, task.CompletedAt), clock.IsDueSoon(task.Status, task.DueAt),
            clock.WorkingDaysLeft(task.DueAt), task.CreatedAt, task.DueAt, task.OriginalDueAt, task.AcknowledgedAt, task.CompletedAt,
            task.ReportedAt, task.ProgressPercent, task.LastProgressAt, task.ProgressCadence.ToString(),
            ProgressReportRule.IsMissing(task, clock.Now, clock.Calendar), task.RequiresReview, task.ResultSummary,
            task.EscalationLevel, task.IsRaised,
            supporting.Select(s => new SupportingUnitDto(s.UnitId, names.GetValueOrDefault(s.UnitId)?.Code ?? "",
                names.GetValueOrDefault(s.UnitId)?.Name ?? "", s.Contribution, s.ContributedAt, s.ContributedBy) { ContributedByName = people.Name(s.ContributedBy) }).ToList(),
            [.. reports.Select(r => r with { ReportedByName = people.Name(r.ReportedBy) })],
            [.. extensions.Select(e => e with { RequestedByName = people.Name(e.RequestedBy), DecidedByName = people.Name(e.DecidedBy) })],
            attachments.Select(a => a with { Url = $"/api/tasks/{task.Id}/attachments/{a.Id}", UploadedByName = people.Name(a.UploadedBy) }).ToList(),
            TaskAllowedActions.For(task, sides, hasOpenExtension, subCascadeOpen, clock.Now),
            task.ConcurrencyStamp)
        {
            AssignedTo = head.Assignee,
            CanAssign = TaskAccessPolicy.MayAssign(sides) && TaskStateMachine.IsOpen(task.Status),
        };
    }
}
