using DirectiveFlow.Core.Calendar;
using MiniExcelLibs;

namespace DirectiveFlow.Infrastructure.Reports.Weekly.Xlsx;

/// <summary>
/// The weekly report as one workbook (MiniExcel): "Thông tin" (title, body, week, the week's own figures), "Tổng hợp"
/// (by pillar and in all), "Xếp hạng", "Quá hạn", "Hoàn thành trong tuần" and "Chưa triển khai tới". Counts are numbers,
/// rates numbers shown as percentages, days dates (dd/MM/yyyy in Hà Nội time), so the sheets can be summed and sorted.
/// </summary>
public static class WeeklyReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyList<string> SheetNames =
        ["Thông tin", "Tổng hợp", "Xếp hạng", "Quá hạn", "Hoàn thành trong tuần", "Chưa triển khai tới"];

    public static byte[] Build(WeeklyReportDto report)
    {
        var sheets = new Dictionary<string, object>
        {
            [SheetNames[0]] = Information(report),
            [SheetNames[1]] = report.ByPillar.Select(p => WorkbookRows.Summary.Of(WeeklyReportText.Pillar(p.Pillar), p))
                .Append(WorkbookRows.Summary.Of("Tổng cộng", report.Totals)).ToList(),
            [SheetNames[2]] = report.Ranking.Items.Select(u => new WorkbookRows.Ranking(
                u.Rank, u.UnitCode, u.UnitName, WeeklyReportText.Pillar(u.Pillar), WeeklyReportText.Level(u.Level), u.Total, u.CompletedOnTime,
                u.CompletedLate, u.OpenWithinDeadline, u.OpenOverdue, u.OnTimeRate, u.MaxDaysOverdue, u.Chases)).ToList(),
            [SheetNames[3]] = report.Overdue.Items.Select((t, i) => new WorkbookRows.Overdue(
                i + 1, t.DirectiveNumber, t.Title, t.UnitCode, t.UnitName, t.HeadName ?? "", Day(t.DueAt), t.DaysOverdue, t.Chases)).ToList(),
            [SheetNames[4]] = report.Completed.Items.Select((t, i) => new WorkbookRows.Completed(
                i + 1, t.DirectiveNumber, t.Title, t.UnitCode, t.UnitName, Day(t.DueAt), Day(t.CompletedAt), t.OnTime ? "Đúng hạn" : "Quá hạn")).ToList(),
            [SheetNames[5]] = report.NotReached.Items.Select((w, i) => new WorkbookRows.NotReached(
                i + 1, w.DirectiveNumber, w.UnitCode, w.UnitName, w.DaysOverdue, w.UnitsWaiting)).ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>A day as Excel stores it: the local date in Hà Nội, no time.</summary>
    public static DateTime Day(DateTimeOffset instant) => VietnamTime.DateOf(instant).ToDateTime(TimeOnly.MinValue);

    private static List<WorkbookRows.Information> Information(WeeklyReportDto r)
    {
        var week = r.ThisWeek;
        return
        [
            new("Tiêu đề", r.Title, null, null),
            new("Cơ quan báo cáo", r.Body.Name, null, null),
            new("Tuần", WeeklyReportText.Week(IsoWeek.Of(r.WeekStart)), null, null),
            new("Từ ngày", "", null, r.WeekStart.ToDateTime(TimeOnly.MinValue)),
            new("Đến ngày", "", null, r.WeekEnd.ToDateTime(TimeOnly.MinValue)),
            new("Số liệu tính đến", VietnamTime.ToLocal(r.AsOf).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), null, Day(r.AsOf)),
            new("Nhiệm vụ giao trong tuần", "", week.Opened, null),
            new("Hoàn thành đúng hạn trong tuần", "", week.CompletedOnTime, null),
            new("Hoàn thành quá hạn trong tuần", "", week.CompletedLate, null),
            new("Quá hạn chưa hoàn thành cuối tuần", "", week.OverdueAtEnd, null),
        ];
    }
}
