using System.Globalization;
using DirectiveFlow.Core.Calendar;

namespace DirectiveFlow.Infrastructure.Reports.Weekly.Pdf;

/// <summary>The columns and rows of the PDF's tables (the same figures as the workbook's sheets).</summary>
internal static class WeeklyReportPdfTables
{
    public static readonly IReadOnlyList<PdfTable.Column> SummaryColumns =
    [
        new("Trục", 1.1), new("Tổng số", 1, true), new("Hoàn thành đúng hạn", 1.2, true), new("Hoàn thành quá hạn", 1.2, true),
        new("Trong hạn", 1, true), new("Quá hạn", 1, true), new("Sắp đến hạn", 1, true), new("Chưa tiếp nhận", 1.1, true),
        new("Chưa được giao", 1.1, true),
    ];

    public static readonly IReadOnlyList<PdfTable.Column> RankingColumns =
    [
        new("Hạng", 0.6, true), new("Đơn vị", 3.2), new("Tổng số", 0.8, true), new("Quá hạn", 0.8, true), new("Đúng hạn", 0.8, true),
        new("HT quá hạn", 0.8, true), new("Tỷ lệ đúng hạn", 1, true), new("Ngày quá hạn lâu nhất", 1, true), new("Lần đôn đốc", 0.8, true),
    ];

    public static readonly IReadOnlyList<PdfTable.Column> OverdueColumns =
    [
        new("STT", 0.5, true), new("Văn bản", 1.3), new("Nhiệm vụ", 2.5), new("Đơn vị chủ trì, người đứng đầu", 2.3), new("Hạn", 1.3),
        new("Ngày quá hạn", 0.8, true), new("Lần đôn đốc", 0.8, true),
    ];

    public static readonly IReadOnlyList<PdfTable.Column> CompletedColumns =
    [
        new("STT", 0.5, true), new("Văn bản", 1.3), new("Nhiệm vụ", 2.5), new("Đơn vị chủ trì", 2.0), new("Hạn", 1.3), new("Hoàn thành", 1.3),
        new("Kết quả", 1.0),
    ];

    public static readonly IReadOnlyList<PdfTable.Column> NotReachedColumns =
    [
        new("STT", 0.5, true), new("Văn bản", 1.5), new("Đơn vị chịu trách nhiệm", 3.5), new("Ngày quá hạn", 1, true), new("Số đơn vị chưa được giao", 1.4, true),
    ];

    public static List<IReadOnlyList<string>> SummaryRows(WeeklyReportDto r) =>
        r.ByPillar.Select(p => Counts(WeeklyReportText.Pillar(p.Pillar), p)).Append(Counts("Tổng cộng", r.Totals)).ToList();

    public static List<IReadOnlyList<string>> RankingRows(WeeklyReportDto r) =>
        r.Ranking.Items.Select(u => (IReadOnlyList<string>)
        [
            N(u.Rank), u.UnitName, N(u.Total), N(u.OpenOverdue), N(u.CompletedOnTime), N(u.CompletedLate), WeeklyReportText.Rate(u.OnTimeRate),
            N(u.MaxDaysOverdue), N(u.Chases),
        ]).ToList();

    public static List<IReadOnlyList<string>> OverdueRows(WeeklyReportDto r) =>
        r.Overdue.Items.Select((t, i) => (IReadOnlyList<string>)
        [
            N(i + 1), t.DirectiveNumber, t.Title, t.HeadName is { Length: > 0 } head ? $"{t.UnitName} ({head})" : t.UnitName, Day(t.DueAt),
            N(t.DaysOverdue), N(t.Chases),
        ]).ToList();

    public static List<IReadOnlyList<string>> CompletedRows(WeeklyReportDto r) =>
        r.Completed.Items.Select((t, i) => (IReadOnlyList<string>)
        [
            N(i + 1), t.DirectiveNumber, t.Title, t.UnitName, Day(t.DueAt), Day(t.CompletedAt), t.OnTime ? "Đúng hạn" : "Quá hạn",
        ]).ToList();

    public static List<IReadOnlyList<string>> NotReachedRows(WeeklyReportDto r) =>
        r.NotReached.Items.Select((w, i) => (IReadOnlyList<string>)
        [
            N(i + 1), w.DirectiveNumber, w.UnitName, N(w.DaysOverdue), N(w.UnitsWaiting),
        ]).ToList();

    private static IReadOnlyList<string> Counts(string label, ReportCounts c) =>
    [
        label, N(c.Total), N(c.CompletedOnTime), N(c.CompletedLate), N(c.OpenWithinDeadline), N(c.OpenOverdue), N(c.DueSoon), N(c.NotAcknowledged),
        N(c.NotYetReached),
    ];

    private static string N(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));

    private static string Day(DateTimeOffset instant) => WeeklyReportText.Date(VietnamTime.DateOf(instant));
}
