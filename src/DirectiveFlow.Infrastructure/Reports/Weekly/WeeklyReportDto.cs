using DirectiveFlow.Infrastructure.Reports.Overview;
using DirectiveFlow.Infrastructure.Reports.Ranking;

namespace DirectiveFlow.Infrastructure.Reports.Weekly;

/// <summary>
/// The weekly report (báo cáo tuần) of one ISO week inside one scope, as the page, the API, the .xlsx, the PDF and the
/// weekly email show it. The directives counted are those issued by the week's end. <see cref="Totals"/>,
/// <see cref="ByPillar"/>, <see cref="Ranking"/>, <see cref="Overdue"/> and <see cref="NotReached"/> are the situation at
/// <see cref="AsOf"/> (the time of asking, as on the overview); <see cref="ThisWeek"/> and <see cref="Completed"/> are
/// the week's own: tasks assigned, completed on time or late in it, and open past their deadline at its end.
/// The lists are cut at their limits (most behind first); each says how many there are in all.
/// </summary>
public sealed record WeeklyReportDto(
    string Week,
    DateOnly WeekStart,
    DateOnly WeekEnd,
    DateTimeOffset AsOf,
    string Title,
    ReportBody Body,
    ReportCounts Totals,
    IReadOnlyList<PillarReportCounts> ByPillar,
    TrendWeek ThisWeek,
    ReportList<UnitRankingItem> Ranking,
    ReportList<OverdueTaskItem> Overdue,
    ReportList<CompletedTaskItem> Completed,
    ReportList<NotReachedReportItem> NotReached);
