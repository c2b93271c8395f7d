using DirectiveFlow.Infrastructure.Reports.Weekly;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;

namespace DirectiveFlow.Infrastructure.Scheduling.Digests;

/// <summary>The weekly email's template model, taken from the recipient's weekly report (the same figures as its attachments).</summary>
public static class WeeklySummaryModel
{
    public static object Of(
        WeeklyReportDto report, string recipient, EffectMessages links, string baseUrl, int unitsNamed, int overdueListed, object attachment)
    {
        var week = IsoWeek.Of(report.WeekStart);
        return new
        {
            recipient = new { name = recipient },
            weekLocal = WeeklyReportText.Week(week),
            period = $"{WeeklyReportText.Date(report.WeekStart)} – {WeeklyReportText.Date(report.WeekEnd)}",
            totals = report.Totals,
            thisWeek = report.ThisWeek,
            // The units most behind: those with open overdue tasks only (a unit with none is not behind).
            mostBehind = report.Ranking.Items.Where(u => u.IsBehind).Take(unitsNamed).Select(u => new
            {
                rank = u.Rank, unit = u.UnitName, code = u.UnitCode, openOverdue = u.OpenOverdue, onTimeRate = WeeklyReportText.Rate(u.OnTimeRate),
                maxDaysOverdue = u.MaxDaysOverdue, chases = u.Chases,
            }).ToList(),
            overdue = report.Overdue.Items.Take(overdueListed).Select(t => new
            {
                title = t.Title, unit = t.UnitName, dueLocal = EffectMessages.LocalText(t.DueAt), daysOverdue = t.DaysOverdue, link = links.TaskLink(t.TaskId),
            }).ToList(),
            overdueTotal = report.Overdue.Total,
            link = $"{baseUrl.TrimEnd('/')}/reports/weekly?week={report.Week}",
            report = attachment,
        };
    }
}
