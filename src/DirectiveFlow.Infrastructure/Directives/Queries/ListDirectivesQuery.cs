using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Directives.Queries;

/// <summary>
/// Directives filtered by issuing unit, priority, document type, issue date range (<paramref name="IssuedFrom"/> to
/// <paramref name="IssuedTo"/>, both included; a directive without an issue date is left out by either) and a text match on number or title, with their progress, sorted by
/// <paramref name="Sort"/> (newest first by default; <paramref name="Descending"/> null takes the column's own
/// direction: issue date newest first, number A→Z, counts largest first, on-time share lowest first, next deadline
/// soonest first). A sort on progress reads the progress of every directive the filter selects (one grouped query).
/// </summary>
/// <param name="Reader">Whose view this is (<see cref="DirectiveReader.Everything"/> when null).</param>
public sealed record ListDirectivesQuery(
    Guid? IssuingUnitId, string? Q, DirectivePriority? Priority, PageRequest Page, DirectiveReader? Reader = null,
    DirectiveSort Sort = DirectiveSort.Issued, bool? Descending = null, DocumentType? DocumentType = null,
    DateOnly? IssuedFrom = null, DateOnly? IssuedTo = null)
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

        if (query.DocumentType is { } type)
        {
            directives = directives.Where(d => d.DocumentType == type);
        }

        if (query.IssuedFrom is { } from)
        {
            directives = directives.Where(d => d.IssuedOn >= from);
        }

        if (query.IssuedTo is { } to)
        {
            directives = directives.Where(d => d.IssuedOn <= to);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // Against the stored folded key (Directive.SearchKey): "ket luan 15" finds "Kết luận số 15-KL/TU".
            var q = SearchText.Fold(query.Q.Trim());
            directives = directives.Where(d => d.SearchKey.Contains(q));
        }

        var total = await directives.CountAsync(cancellationToken);
        var (pageIds, progress) = await PageAsync(directives, query, cancellationToken);
        var rows = await (from d in directives
                          where pageIds.Contains(d.Id)
                          join u in db.Units on d.IssuingUnitId equals u.Id into units
                          from u in units.DefaultIfEmpty()
                          join i in db.WorkflowInstances on d.InstanceId equals i.Id into instances
                          from i in instances.DefaultIfEmpty()
                          select new { d, UnitName = u == null ? "" : u.Name, Status = i == null ? (Core.Workflows.WorkflowInstanceStatus?)null : i.Status })
            .ToDictionaryAsync(r => r.d.Id, cancellationToken);
        progress ??= await DirectiveListProgress.ReadAsync(db, pageIds, clock.Time, cancellationToken);
        var items = pageIds.Select(id =>
        {
            var r = rows[id];
            var p = progress.GetValueOrDefault(id);
            return new DirectiveSummaryDto(
                r.d.Id, r.d.Number, r.d.Title, r.d.Priority.ToString(), r.d.IssuingUnitId, r.UnitName, r.d.WorkflowDefinitionId,
                r.d.WorkflowVersion, r.d.InstanceId, r.Status?.ToString() ?? "", r.d.CreatedAt, r.d.CreatedBy,
                p is null ? DirectiveProgress.Empty : DirectiveProgress.From(p.Counts), p?.NextDueAt, p?.OverdueUnits ?? 0,
                r.d.DocumentType?.ToString(), r.d.IssuedOn, r.d.Deadline, SignerDto.Of(r.d), r.d.Summary);
        }).ToList();
        return new PagedResult<DirectiveSummaryDto>(items, total, query.Page.Page, query.Page.PageSize);
    }

    /// <summary>The ids of the page in order, and the progress already read when the sort needed it.</summary>
    private async Task<(List<Guid> Ids, Dictionary<Guid, DirectiveListProgress>? Progress)> PageAsync(
        IQueryable<Core.Directives.Directive> directives, ListDirectivesQuery query, CancellationToken cancellationToken)
    {
        var page = query.Page;
        switch (query.Sort)
        {
            case DirectiveSort.Issued:
                var newest = query.Descending ?? DirectiveProgressOrder.DescendingByDefault(DirectiveSort.Issued);
                var byDate = newest ? directives.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
                    : directives.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id);
                return (await byDate.Skip(page.Skip).Take(page.PageSize).Select(d => d.Id).ToListAsync(cancellationToken), null);
            case DirectiveSort.Number:
                var byNumber = query.Descending == true ? directives.OrderByDescending(d => d.Number).ThenByDescending(d => d.Id)
                    : directives.OrderBy(d => d.Number).ThenBy(d => d.Id);
                return (await byNumber.Skip(page.Skip).Take(page.PageSize).Select(d => d.Id).ToListAsync(cancellationToken), null);
        }

        var ids = directives.Select(d => d.Id);
        var progress = await DirectiveListProgress.ReadAsync(CountedTasks.All(db).Where(t => ids.Contains(t.DirectiveId)), clock.Time, cancellationToken);
        var all = await directives.Select(d => new { d.Id, d.CreatedAt }).ToListAsync(cancellationToken);
        var sorted = DirectiveProgressOrder.Sort(
            all.Select(d => (d.Id, d.CreatedAt, progress.GetValueOrDefault(d.Id))), query.Sort, query.Descending);
        return (sorted.Skip(page.Skip).Take(page.PageSize).ToList(), progress);
    }
}
