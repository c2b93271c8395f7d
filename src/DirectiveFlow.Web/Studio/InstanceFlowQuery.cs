using System.Security.Claims;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Journal;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Directives.Queries;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Web.Components.Studio.Canvas;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Studio;

/// <summary>
/// Reads for the instance view: the flow a directive runs on, live task counts per activity (one grouped query), the
/// units of one activity with their categories, and the journal.
/// </summary>
public sealed class InstanceFlowQuery(IDbContextFactory<DirectiveFlowDbContext> contexts, TimeProvider time, IWorkingDayCalendar calendar)
{
    public sealed record FlowHeader(Guid DirectiveId, string Number, string Title, string DefinitionId, int Version, WorkflowInstanceStatus? Status, WorkflowDefinition Definition);

    public sealed record UnitRow(Guid TaskId, string UnitCode, string UnitName, UnitTaskStatus Status, TaskCategory? Category, DateTimeOffset DueAt, DateTimeOffset? CompletedAt);

    /// <summary>The directive and its flow, or null when it does not exist or <paramref name="user"/> may not read it (<see cref="DirectiveReader"/>).</summary>
    public async Task<FlowHeader?> HeaderAsync(Guid directiveId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reader = await DirectiveReader.ForAsync(db, user, cancellationToken);
        var directive = await reader.Filter(db, db.Directives.AsNoTracking()).SingleOrDefaultAsync(d => d.Id == directiveId, cancellationToken);
        if (directive is null)
        {
            return null;
        }

        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.DirectiveId == directiveId, cancellationToken);
        var record = instance is not null
            ? await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == instance.DefinitionRecordId, cancellationToken)
            : await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(
                r => r.DefinitionId == directive.WorkflowDefinitionId && r.Version == directive.WorkflowVersion, cancellationToken);
        return record is null
            ? null
            : new FlowHeader(directive.Id, directive.Number, directive.Title, record.DefinitionId, record.Version, instance?.Status,
                WorkflowDefinitionSerializer.Deserialize(record.Json));
    }

    /// <summary>Task counts per activity by reporting category (<see cref="TaskCategories"/>), computed in the database in one grouped query.</summary>
    public async Task<IReadOnlyDictionary<string, ActivityCounts>> CountsAsync(Guid directiveId, CancellationToken cancellationToken)
    {
        var now = CategoryTime.At(time.GetUtcNow(), calendar);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Tasks.AsNoTracking().Where(t => t.DirectiveId == directiveId)
            .GroupBy(t => t.ActivityId)
            .Select(TaskCategoryQueries.Aggregate<string, ActivityRow>(now, (g, c) => new ActivityRow(g.Key, c, g.Count(t => t.Status == UnitTaskStatus.Reported))))
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Counts.Total > 0).ToDictionary(r => r.ActivityId, r => new ActivityCounts(
            r.Counts.Total, r.Counts.CompletedOnTime, r.Counts.CompletedLate, r.Counts.OpenWithinDeadline, r.Counts.OpenOverdue, r.AwaitingReview));
    }

    public async Task<IReadOnlyList<UnitRow>> UnitsAsync(Guid directiveId, string activityId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (from t in db.Tasks.AsNoTracking()
                          join u in db.Units.AsNoTracking() on t.UnitId equals u.Id
                          where t.DirectiveId == directiveId && t.ActivityId == activityId
                          orderby u.Code
                          select new { t.Id, u.Code, u.Name, t.Status, t.DueAt, t.CompletedAt })
            .Take(1000).ToListAsync(cancellationToken);
        return rows.Select(r => new UnitRow(r.Id, r.Code, r.Name, r.Status, TaskCategories.Of(r.Status, r.DueAt, r.CompletedAt, now), r.DueAt, r.CompletedAt)).ToList();
    }

    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(Guid directiveId, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Journal.AsNoTracking().Where(j => j.DirectiveId == directiveId)
            .OrderByDescending(j => j.Id).Take(take).ToListAsync(cancellationToken);
    }

    private sealed record ActivityRow(string ActivityId, TaskCategoryCounts Counts, int AwaitingReview);
}
