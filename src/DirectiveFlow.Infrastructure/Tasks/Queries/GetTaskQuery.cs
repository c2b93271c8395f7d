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
        var (task, supporting, _, sides) = await access.LoadAsync(query.TaskId, cancellationToken);
        var directive = await db.Directives.AsNoTracking().Where(d => d.Id == task.DirectiveId)
            .Select(d => new { d.Number, d.Title, d.Body }).FirstOrDefaultAsync(cancellationToken);
        var unitIds = supporting.Select(s => s.UnitId).Append(task.UnitId).Append(task.AssignerUnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Code, u.Name }).ToDictionaryAsync(u => u.Id, cancellationToken);
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
            reports.Select(r => r.ReportedBy).Concat(extensions.SelectMany(e => new[] { e.RequestedBy, e.DecidedBy })), cancellationToken);
        var assignee = task.AssignedUserId is { } assignedId
            ? await db.Users.AsNoTracking().Where(u => u.Id == assignedId).Select(u => new AssigneeDto(u.Id, u.FullName, u.Position)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var lead = units.GetValueOrDefault(task.UnitId);
        var assigner = units.GetValueOrDefault(task.AssignerUnitId);
        return new TaskDetailDto(
            task.Id, task.DirectiveId, directive?.Number, directive?.Title, directive?.Body, task.Title, task.Instructions,
            task.UnitId, lead?.Code ?? "", lead?.Name ?? "", task.AssignerUnitId, assigner?.Code, assigner?.Name,
            task.Status.ToString(), clock.CategoryOf(task.Status, task.DueAt, task.CompletedAt), clock.IsDueSoon(task.Status, task.DueAt),
            clock.WorkingDaysLeft(task.DueAt), task.CreatedAt, task.DueAt, task.OriginalDueAt, task.AcknowledgedAt, task.CompletedAt,
            task.ReportedAt, task.ProgressPercent, task.LastProgressAt, task.ProgressCadence.ToString(),
            ProgressReportRule.IsMissing(task, clock.Now, clock.Calendar), task.RequiresReview, task.ResultSummary,
            task.EscalationLevel, task.IsRaised,
            supporting.Select(s => new SupportingUnitDto(s.UnitId, units.GetValueOrDefault(s.UnitId)?.Code ?? "",
                units.GetValueOrDefault(s.UnitId)?.Name ?? "", s.Contribution, s.ContributedAt, s.ContributedBy)).ToList(),
            [.. reports.Select(r => r with { ReportedByName = people.Name(r.ReportedBy) })],
            [.. extensions.Select(e => e with { RequestedByName = people.Name(e.RequestedBy), DecidedByName = people.Name(e.DecidedBy) })],
            attachments.Select(a => a with { Url = $"/api/tasks/{task.Id}/attachments/{a.Id}" }).ToList(),
            TaskAllowedActions.For(task, sides, hasOpenExtension, subCascadeOpen, clock.Now),
            task.ConcurrencyStamp)
        {
            AssignedTo = assignee,
            CanAssign = TaskAccessPolicy.MayAssign(sides) && TaskStateMachine.IsOpen(task.Status),
        };
    }
}
