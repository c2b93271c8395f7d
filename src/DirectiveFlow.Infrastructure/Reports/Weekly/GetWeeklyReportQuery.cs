using System.Globalization;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email.Addressing;
using DirectiveFlow.Infrastructure.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Reports.NotReached;
using DirectiveFlow.Infrastructure.Reports.Overview;
using DirectiveFlow.Infrastructure.Reports.Ranking;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Infrastructure.Reports.Weekly;

/// <summary>
/// The weekly report of <paramref name="Week"/> inside <paramref name="Scope"/> (and <paramref name="Filter"/>, e.g. one
/// issuing unit's directives), headed by <paramref name="BodyUnitId"/>'s body. Composed of the overview's own queries
/// over the directives issued by the week's end: <see cref="GetOverviewQuery"/> (totals, pillars, the week from its
/// trend), <see cref="ListUnitRankingQuery"/> (every level), the not-reached reader, and two lists read here with the
/// same task selection and category rules: the open overdue tasks and the tasks completed in the week.
/// </summary>
public sealed record GetWeeklyReportQuery(ReportScope Scope, IsoWeek Week, Guid? BodyUnitId, ReportFilter? Filter = null) : IQuery<WeeklyReportDto>;

public sealed class GetWeeklyReportHandler(
    DirectiveFlowDbContext db, ISender sender, NotReachedReader notReached, TaskClock clock, IOptions<OrganisationOptions> organisation)
    : IQueryHandler<GetWeeklyReportQuery, WeeklyReportDto>
{
    public const int RankingLimit = 50;
    public const int ListLimit = 500;

    public async ValueTask<WeeklyReportDto> Handle(GetWeeklyReportQuery query, CancellationToken cancellationToken)
    {
        var week = query.Week;
        var filter = query.Filter ?? ReportFilter.None;
        filter = filter with { To = filter.To is { } to && to < week.End ? to : week.End };
        var overview = await sender.Send(new GetOverviewQuery(query.Scope, filter), cancellationToken);
        var ranking = await sender.Send(new ListUnitRankingQuery(query.Scope, filter, PageRequest.From(1, RankingLimit), Level: null), cancellationToken);
        var tasks = ReportTasks.Select(db, query.Scope, filter);
        var overdue = await OverdueAsync(tasks, overview.Totals.OpenOverdue, cancellationToken);
        var completed = await CompletedAsync(tasks, week, cancellationToken);
        var waiting = await NotReachedAsync(tasks, query.Scope, cancellationToken);
        var body = await ReportBodies.ForAsync(db, query.BodyUnitId, organisation.Value, cancellationToken);
        (overdue, completed, waiting) = await NameDirectivesAsync(overdue, completed, waiting, cancellationToken);
        return new WeeklyReportDto(
            week.ToString(), week.Monday, week.Sunday, clock.Now, TitleOf(week), body, overview.Totals, overview.ByPillar, overview.Trend[^1],
            new ReportList<UnitRankingItem>(ranking.Items, ranking.Total), overdue, completed, waiting);
    }

    /// <summary>"Báo cáo tình hình thực hiện nhiệm vụ tuần 49 năm 2026".</summary>
    public static string TitleOf(IsoWeek week) =>
        string.Create(CultureInfo.InvariantCulture, $"Báo cáo tình hình thực hiện nhiệm vụ tuần {week.Week} năm {week.Year}");

    private async Task<ReportList<OverdueTaskItem>> OverdueAsync(IQueryable<UnitTask> tasks, int total, CancellationToken cancellationToken)
    {
        var rows = await (from t in tasks.AsNoTracking().Where(TaskCategories.Where(TaskCategory.OpenOverdue, clock.Time))
                          join u in db.Units on t.UnitId equals u.Id
                          join d in db.Directives on t.DirectiveId equals d.Id
                          orderby t.DueAt, t.Id
                          select new { t.Id, t.DirectiveId, d.Number, t.Title, t.UnitId, u.Code, u.Name, u.HeadName, t.DueAt })
            .Take(ListLimit).ToListAsync(cancellationToken);
        var chases = await ChaseCounts.ReadForTasksAsync(db, rows.Select(r => r.Id).ToList(), cancellationToken);
        return new ReportList<OverdueTaskItem>(
            rows.Select(r => new OverdueTaskItem(r.Id, r.DirectiveId, r.Number, r.Title, r.UnitId, r.Code, r.Name, r.HeadName, r.DueAt,
                TaskCategories.WorkingDaysLate(clock.Calendar, r.DueAt, clock.Now), chases.GetValueOrDefault(r.Id))).ToList(),
            total);
    }

    private async Task<ReportList<CompletedTaskItem>> CompletedAsync(IQueryable<UnitTask> tasks, IsoWeek week, CancellationToken cancellationToken)
    {
        var (start, end) = (week.Start, week.End);
        var completed = tasks.AsNoTracking().Where(t => t.Status == UnitTaskStatus.Completed && t.CompletedAt >= start && t.CompletedAt < end);
        var total = await completed.CountAsync(cancellationToken);
        var rows = await (from t in completed
                          join u in db.Units on t.UnitId equals u.Id
                          join d in db.Directives on t.DirectiveId equals d.Id
                          orderby t.CompletedAt, t.Id
                          select new { t.Id, t.DirectiveId, d.Number, t.Title, t.UnitId, u.Code, u.Name, t.DueAt, t.CompletedAt })
            .Take(ListLimit).ToListAsync(cancellationToken);
        return new ReportList<CompletedTaskItem>(
            rows.Select(r => new CompletedTaskItem(r.Id, r.DirectiveId, r.Number, r.Title, r.UnitId, r.Code, r.Name, r.DueAt, r.CompletedAt!.Value,
                TaskCategories.Of(UnitTaskStatus.Completed, r.DueAt, r.CompletedAt, clock.Now) == TaskCategory.CompletedOnTime)).ToList(),
            total);
    }

    /// <summary>Each list names its directives by type, number and issue date ("Kết luận số 15-KL/TU ngày 01/12/2026"), not the bare number.</summary>
    private async Task<(ReportList<OverdueTaskItem>, ReportList<CompletedTaskItem>, ReportList<NotReachedReportItem>)> NameDirectivesAsync(
        ReportList<OverdueTaskItem> overdue, ReportList<CompletedTaskItem> completed, ReportList<NotReachedReportItem> waiting, CancellationToken cancellationToken)
    {
        var names = (await DirectiveReferences.LoadAsync(db,
                overdue.Items.Select(t => t.DirectiveId).Concat(completed.Items.Select(t => t.DirectiveId)).Concat(waiting.Items.Select(w => w.DirectiveId)),
                cancellationToken))
            .ToDictionary(r => r.Key, r => r.Value.Dated(english: false));
        string Name(Guid id, string number) => names.GetValueOrDefault(id, number);
        return (overdue with { Items = overdue.Items.Select(t => t with { DirectiveNumber = Name(t.DirectiveId, t.DirectiveNumber) }).ToList() },
            completed with { Items = completed.Items.Select(t => t with { DirectiveNumber = Name(t.DirectiveId, t.DirectiveNumber) }).ToList() },
            waiting with { Items = waiting.Items.Select(w => w with { DirectiveNumber = Name(w.DirectiveId, w.DirectiveNumber) }).ToList() });
    }

    private async Task<ReportList<NotReachedReportItem>> NotReachedAsync(IQueryable<UnitTask> tasks, ReportScope scope, CancellationToken cancellationToken)
    {
        var waiting = await notReached.ReadAsync(tasks, scope, clock.Now, cancellationToken);
        var ids = waiting.Select(w => w.DirectiveId).Distinct().ToList();
        var numbers = await db.Directives.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number, cancellationToken);
        return new ReportList<NotReachedReportItem>(
            waiting.Take(ListLimit).Select(w => new NotReachedReportItem(
                w.UpstreamTaskId, w.DirectiveId, numbers.GetValueOrDefault(w.DirectiveId, ""), w.UnitId, w.UnitCode, w.UnitName, w.DaysOverdue, w.UnitsWaiting)).ToList(),
            waiting.Count);
    }
}
