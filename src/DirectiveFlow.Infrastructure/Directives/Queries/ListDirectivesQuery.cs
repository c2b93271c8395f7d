using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>Directives, newest first, filtered by issuing unit, priority and a text match on number or title, with their progress.</summary>
/// <param name="Reader">Whose view this is (<see cref="DirectiveReader.Everything"/> when null).</param>
public sealed record ListDirectivesQuery(Guid? IssuingUnitId, string? Q, DirectivePriority? Priority, PageRequest Page, DirectiveReader? Reader = null)
    : IQuery<PagedResult<DirectiveSummaryDto>>;

public sealed class ListDirectivesHandler(DirectiveFlowDbContext db, TaskClock clock) : IQueryHandler<ListDirectivesQuery, PagedResult<DirectiveSummaryDto>>
{
    public async ValueTask<PagedResult<DirectiveSummaryDto>> Handle(ListDirectivesQuery query, CancellationToken cancellationToken)
    {
        var directives = (query.Reader ?? DirectiveReader.Everything).Filter(db, db.Directives.AsNoTracking());
        if (query.IssuingUnitId is { } unitId)
        {
            directives = directives.Where(d => d.IssuingUnitId == unitId);
        }

        if (query.Priority is { } priority)
        {
            directives = directives.Where(d => d.Priority == priority);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            directives = directives.Where(d => d.Number.Contains(q) || d.Title.Contains(q));
        }

        var total = await directives.CountAsync(cancellationToken);
        var rows = await (from d in directives
                          join u in db.Units on d.IssuingUnitId equals u.Id into units
                          from u in units.DefaultIfEmpty()
                          join i in db.WorkflowInstances on d.InstanceId equals i.Id into instances
                          from i in instances.DefaultIfEmpty()
                          orderby d.CreatedAt descending, d.Id descending
                          select new { d, UnitName = u == null ? "" : u.Name, Status = i == null ? (Core.Workflows.WorkflowInstanceStatus?)null : i.Status })
            .Skip(query.Page.Skip).Take(query.Page.PageSize)
            .ToListAsync(cancellationToken);
        var progress = await DirectiveListProgress.ReadAsync(db, rows.Select(r => r.d.Id).ToList(), clock.Time, cancellationToken);
        var items = rows.Select(r =>
        {
            var p = progress.GetValueOrDefault(r.d.Id);
            return new DirectiveSummaryDto(
                r.d.Id, r.d.Number, r.d.Title, r.d.Priority.ToString(), r.d.IssuingUnitId, r.UnitName, r.d.WorkflowDefinitionId,
                r.d.WorkflowVersion, r.d.InstanceId, r.Status?.ToString() ?? "", r.d.CreatedAt, r.d.CreatedBy,
                p is null ? DirectiveProgress.Empty : DirectiveProgress.From(p.Counts), p?.NextDueAt, p?.OverdueUnits ?? 0);
        }).ToList();
        return new PagedResult<DirectiveSummaryDto>(items, total, query.Page.Page, query.Page.PageSize);
    }
}
