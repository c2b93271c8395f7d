using System.Globalization;
using DirectiveFlow.Infrastructure.Reports.Weekly.Pdf;
using DirectiveFlow.Infrastructure.Reports.Weekly.Xlsx;

namespace DirectiveFlow.Infrastructure.Reports.Weekly;

/// <summary>
/// The report as a file to download or attach: its Vietnamese name ("Báo cáo tuần 49-2026.xlsx"), an ASCII name for
/// clients that cannot read the other ("bao-cao-tuan-2026-W49.xlsx"), its media type and bytes.
/// </summary>
public sealed record WeeklyReportFile(string FileName, string AsciiFileName, string ContentType, byte[] Content)
{
    public static WeeklyReportFile Xlsx(WeeklyReportDto report) => Of(report, "xlsx", WeeklyReportWorkbook.ContentType, WeeklyReportWorkbook.Build(report));

    public static WeeklyReportFile Pdf(WeeklyReportDto report) => Of(report, "pdf", WeeklyReportPdf.ContentType, WeeklyReportPdf.Build(report));

    private static WeeklyReportFile Of(WeeklyReportDto report, string extension, string contentType, byte[] content)
    {
        var week = IsoWeek.Of(report.WeekStart);
        return new WeeklyReportFile(
            string.Create(CultureInfo.InvariantCulture, $"Báo cáo tuần {week.Week:00}-{week.Year}.{extension}"),
            $"bao-cao-tuan-{report.Week}.{extension}",
            contentType,
            content);
    }
}
