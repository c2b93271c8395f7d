using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Reports.Ranking;

/// <summary>
/// The ranking of lead units inside <paramref name="Scope"/> over the tasks <paramref name="Filter"/> selects (its pillar
/// is the unit's), at <paramref name="Level"/> (null: every level) and matching <paramref name="Q"/> (code or name,
/// diacritics ignored), sorted by <paramref name="Sort"/> "most behind first" unless <paramref name="Descending"/> says
/// otherwise. One grouped count per unit (<see cref="UnitCounts"/>, the overview's own), sorted in memory (one row per
/// unit); chases are read for the page's units only.
/// </summary>
public sealed record ListUnitRankingQuery(
    ReportScope Scope, ReportFilter Filter, PageRequest Page, UnitRankingSort Sort = UnitRankingSort.OpenOverdue, bool? Descending = null,
    UnitLevel? Level = UnitLevel.Commune, string? Q = null) : IQuery<PagedResult<UnitRankingItem>>;

public sealed class ListUnitRankingHandler(DirectiveFlowDbContext db, TaskClock clock, IWorkingDayCalendar calendar)
    : IQueryHandler<ListUnitRankingQuery, PagedResult<UnitRankingItem>>
{
    private static readonly StringComparer NameOrder = StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), ignoreCase: true);

    public async ValueTask<PagedResult<UnitRankingItem>> Handle(ListUnitRankingQuery query, CancellationToken cancellationToken)
    {
        var (tasks, rows) = await ReadRowsAsync(query.Scope, query.Filter, query.Level, query.Q, cancellationToken);
        return await PageAsync(tasks, rows, query.Sort, query.Descending, query.Page, cancellationToken);
    }

    /// <summary>One grouped count per unit over the selected tasks, as rows to rank (one read, any number of sorts).</summary>
    internal async Task<(IQueryable<UnitTask> Tasks, List<Row> Rows)> ReadRowsAsync(
        ReportScope scope, ReportFilter filter, UnitLevel? level, string? q, CancellationToken cancellationToken)
    {
        var tasks = ReportTasks.Select(db, scope, filter);
        var perUnit = (await UnitCounts.ReadAsync(tasks, clock.Time, cancellationToken)).Where(u => u.Counts.Total > 0).ToList();
        var ids = perUnit.Select(u => u.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => EF.Parameter(ids).Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var rows = perUnit.Select(u => new Row(units[u.UnitId], u.Counts, OnTimeRate(u.Counts),
                u.OldestOverdueDueAt is { } due ? TaskCategories.WorkingDaysLate(calendar, due, clock.Now) : 0))
            .Where(r => level is not { } wanted || r.Unit.Level == wanted)
            .Where(r => string.IsNullOrWhiteSpace(q) || SearchText.Contains(r.Unit.Code, q) || SearchText.Contains(r.Unit.Name, q));
        return (tasks, rows.ToList());
    }

    /// <summary>One page of <paramref name="rows"/> sorted by <paramref name="sort"/>, with the chases of its units.</summary>
    internal async Task<PagedResult<UnitRankingItem>> PageAsync(
        IQueryable<UnitTask> tasks, List<Row> rows, UnitRankingSort sort, bool? descending, PageRequest pageRequest, CancellationToken cancellationToken)
    {
        // Chases are read for the page's units only, unless the sort needs every unit's.
        var allChases = sort == UnitRankingSort.Chases
            ? await ChaseCounts.ReadAsync(db, tasks, rows.Select(r => r.Unit.Id).ToList(), cancellationToken)
            : null;
        var sorted = Order(rows, sort, descending, allChases).ToList();
        var page = sorted.Skip(pageRequest.Skip).Take(pageRequest.PageSize).ToList();
        var chases = allChases ?? await ChaseCounts.ReadAsync(db, tasks, page.Select(r => r.Unit.Id).ToList(), cancellationToken);
        var items = page.Select((r, i) => new UnitRankingItem(
            pageRequest.Skip + i + 1, r.Unit.Id, r.Unit.Code, r.Unit.Name, OrgUnit.PillarCode(r.Unit.Pillar), UnitVocabulary.NameOf(r.Unit.Level),
            r.Unit.LocalityCode, r.Counts.Total, r.Counts.CompletedOnTime, r.Counts.CompletedLate, r.Counts.OpenWithinDeadline,
            r.Counts.OpenOverdue, r.OnTimeRate, r.MaxDaysOverdue, chases.GetValueOrDefault(r.Unit.Id))).ToList();
        return new PagedResult<UnitRankingItem>(items, sorted.Count, pageRequest.Page, pageRequest.PageSize);
    }

    /// <summary>Completed on time ÷ tasks whose deadline is decided (completed, or open past it); null while none is (<see cref="TaskCategories.OnTimeRate"/>).</summary>
    public static double? OnTimeRate(TaskCategoryCounts c) => TaskCategories.OnTimeRate(c.CompletedOnTime, c.CompletedLate, c.OpenOverdue);

    /// <summary>
    /// The direction of "most behind first": descending for the counts and delays, ascending for the rate, the on-time
    /// count, the name and the pillar (units without a rate go last either way).
    /// </summary>
    public static bool DescendingByDefault(UnitRankingSort sort) =>
        sort is not (UnitRankingSort.OnTimeRate or UnitRankingSort.CompletedOnTime or UnitRankingSort.Unit or UnitRankingSort.Pillar);

    private static IOrderedEnumerable<Row> Order(IEnumerable<Row> rows, UnitRankingSort sort, bool? descending, Dictionary<Guid, int>? chases)
    {
        var desc = descending ?? DescendingByDefault(sort);
        IOrderedEnumerable<Row> By<TKey>(Func<Row, TKey> key) => desc ? rows.OrderByDescending(key) : rows.OrderBy(key);
        var ordered = sort switch
        {
            UnitRankingSort.OnTimeRate => rows.OrderBy(r => r.OnTimeRate is null)
                .ThenBy(r => desc ? -(r.OnTimeRate ?? 0) : r.OnTimeRate ?? 0),
            UnitRankingSort.CompletedLate => By(r => r.Counts.CompletedLate),
            UnitRankingSort.MaxDaysOverdue => By(r => r.MaxDaysOverdue),
            UnitRankingSort.Total => By(r => r.Counts.Total),
            UnitRankingSort.CompletedOnTime => By(r => r.Counts.CompletedOnTime),
            UnitRankingSort.OpenWithinDeadline => By(r => r.Counts.OpenWithinDeadline),
            UnitRankingSort.Chases => By(r => chases?.GetValueOrDefault(r.Unit.Id) ?? 0),
            UnitRankingSort.Pillar => By(r => r.Unit.Pillar),
            UnitRankingSort.Unit => desc ? rows.OrderByDescending(r => r.Unit.Name, NameOrder) : rows.OrderBy(r => r.Unit.Name, NameOrder),
            _ => By(r => r.Counts.OpenOverdue).ThenBy(r => r.OnTimeRate is null).ThenBy(r => r.OnTimeRate ?? 0),
        };
        return ordered.ThenByDescending(r => r.Counts.OpenOverdue).ThenByDescending(r => r.MaxDaysOverdue).ThenBy(r => r.Unit.Code, StringComparer.Ordinal);
    }

    internal sealed record Row(OrgUnit Unit, TaskCategoryCounts Counts, double? OnTimeRate, int MaxDaysOverdue);
}
