using System.Globalization;
using DirectiveFlow.Core.Calendar;
using PdfSharp.Drawing;

namespace DirectiveFlow.Infrastructure.Reports.Weekly.Pdf;

/// <summary>
/// The weekly report as the body's own document (PDFsharp, A4): the header of its kind — the Party's "ĐẢNG CỘNG SẢN VIỆT
/// NAM" for a Party committee, the national motto for state bodies and the Front — with the body's name under its
/// superior, the place and date line, the title and period, then the five sections as ruled tables over as many pages as
/// they take.
/// </summary>
public static class WeeklyReportPdf
{
    public const string ContentType = "application/pdf";

    private static readonly XPen Line = new(XColors.Black, 0.6);

    public static byte[] Build(WeeklyReportDto report)
    {
        using var canvas = new PdfCanvas(report.Title);
        Header(canvas, report);
        Sections(canvas, report);
        return canvas.Save();
    }

    private static void Header(PdfCanvas canvas, WeeklyReportDto report)
    {
        var body = report.Body;
        var split = PdfCanvas.Left + (PdfCanvas.Width * 0.42);
        var regular = PdfCanvas.Font(12);
        var bold = PdfCanvas.Font(12, XFontStyleEx.Bold);
        var y = PdfCanvas.Top;

        // Top left: the superior body, the body (bold), then the Party's star or a short rule, and the number left blank.
        if (body.Superior is { } superior)
        {
            foreach (var line in canvas.Wrap(superior, regular, split - PdfCanvas.Left))
            {
                canvas.Center(line, regular, PdfCanvas.Left, split, y);
                y += regular.Height;
            }
        }

        foreach (var line in canvas.Wrap(body.Name, bold, split - PdfCanvas.Left))
        {
            canvas.Center(line, bold, PdfCanvas.Left, split, y);
            y += bold.Height;
        }

        var middle = (PdfCanvas.Left + split) / 2;
        if (body.IsParty)
        {
            canvas.Center("*", bold, PdfCanvas.Left, split, y);
        }
        else
        {
            canvas.Graphics.DrawLine(Line, middle - 30, y + 2, middle + 30, y + 2);
        }

        y += bold.Height;
        canvas.Center(body.IsParty ? "Số       -BC" : "Số:       /BC", regular, PdfCanvas.Left, split, y);
        var leftEnd = y + regular.Height;

        // Top right: the Party's name or the motto, underlined, then the place and date.
        y = PdfCanvas.Top;
        var right = PdfCanvas.Right;
        var centre = (split + right) / 2;
        if (body.IsParty)
        {
            var party = PdfCanvas.Font(13, XFontStyleEx.Bold);
            canvas.Center("ĐẢNG CỘNG SẢN VIỆT NAM", party, split, right, y);
            y += party.Height;
            canvas.Graphics.DrawLine(Line, centre - 80, y + 1, centre + 80, y + 1);
        }
        else
        {
            canvas.Center("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", PdfCanvas.Font(11.5, XFontStyleEx.Bold), split, right, y);
            y += PdfCanvas.Font(11.5).Height;
            canvas.Center("Độc lập - Tự do - Hạnh phúc", bold, split, right, y);
            y += bold.Height;
            canvas.Graphics.DrawLine(Line, centre - 72, y + 1, centre + 72, y + 1);
        }

        y += 8;
        canvas.Center(WeeklyReportText.DateLine(body.Place, VietnamTime.DateOf(report.AsOf)), PdfCanvas.Font(12, XFontStyleEx.Italic), split, right, y);
        canvas.Y = Math.Max(leftEnd, y + regular.Height) + 18;

        canvas.Paragraph("BÁO CÁO", PdfCanvas.Font(14, XFontStyleEx.Bold), centered: true, after: 0);
        var week = report.Title.Replace("Báo cáo t", "T", StringComparison.Ordinal);
        canvas.Paragraph(week, PdfCanvas.Font(13, XFontStyleEx.Bold), centered: true, after: 0);
        canvas.Paragraph(WeeklyReportText.Period(report.WeekStart, report.WeekEnd), PdfCanvas.Font(12, XFontStyleEx.Italic), centered: true, after: 0);
        var asOf = VietnamTime.ToLocal(report.AsOf).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);
        canvas.Paragraph($"Số liệu tính đến {asOf}", PdfCanvas.Font(11, XFontStyleEx.Italic), centered: true, after: 12);
    }

    private static void Sections(PdfCanvas canvas, WeeklyReportDto r)
    {
        var heading = PdfCanvas.Font(12, XFontStyleEx.Bold);
        var text = PdfCanvas.Font(12);
        Heading(canvas, "I. TỔNG HỢP THEO TRỤC", heading);
        var w = r.ThisWeek;
        canvas.Paragraph(
            $"Trong tuần giao {w.Opened} nhiệm vụ; hoàn thành {w.CompletedOnTime + w.CompletedLate} nhiệm vụ ({w.CompletedOnTime} đúng hạn, " +
            $"{w.CompletedLate} quá hạn); cuối tuần còn {w.OverdueAtEnd} nhiệm vụ quá hạn chưa hoàn thành. Tổng số {r.Totals.Total} nhiệm vụ đang theo dõi, " +
            $"{r.Totals.NotYetReached} đơn vị chưa được giao do khâu trước chưa hoàn thành.", text, after: 6);
        new PdfTable(canvas, WeeklyReportPdfTables.SummaryColumns).Draw(WeeklyReportPdfTables.SummaryRows(r), i => i == r.ByPillar.Count);

        Heading(canvas, $"II. XẾP HẠNG ĐƠN VỊ ({Shown(r.Ranking.Items.Count, r.Ranking.Total)} đơn vị, chậm nhất trước)", heading);
        Table(canvas, WeeklyReportPdfTables.RankingColumns, WeeklyReportPdfTables.RankingRows(r), text);

        Heading(canvas, $"III. NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH ({Shown(r.Overdue.Items.Count, r.Overdue.Total)})", heading);
        Table(canvas, WeeklyReportPdfTables.OverdueColumns, WeeklyReportPdfTables.OverdueRows(r), text);

        Heading(canvas, $"IV. NHIỆM VỤ HOÀN THÀNH TRONG TUẦN ({Shown(r.Completed.Items.Count, r.Completed.Total)})", heading);
        Table(canvas, WeeklyReportPdfTables.CompletedColumns, WeeklyReportPdfTables.CompletedRows(r), text);

        Heading(canvas, $"V. ĐƠN VỊ CHƯA ĐƯỢC GIAO DO KHÂU TRƯỚC CHƯA HOÀN THÀNH ({Shown(r.NotReached.Items.Count, r.NotReached.Total)})", heading);
        Table(canvas, WeeklyReportPdfTables.NotReachedColumns, WeeklyReportPdfTables.NotReachedRows(r), text);
    }

    private static string Shown(int shown, int total) =>
        shown < total ? string.Create(CultureInfo.InvariantCulture, $"{shown}/{total}") : total.ToString(CultureInfo.InvariantCulture);

    private static void Heading(PdfCanvas canvas, string text, XFont font)
    {
        // A heading never ends a page alone: it needs room for itself and a table's first rows.
        canvas.Ensure(font.Height * 4);
        canvas.Paragraph(text, font, after: 4);
    }

    private static void Table(PdfCanvas canvas, IReadOnlyList<PdfTable.Column> columns, List<IReadOnlyList<string>> rows, XFont text)
    {
        if (rows.Count == 0)
        {
            canvas.Paragraph("Không có.", PdfCanvas.Font(text.Size, XFontStyleEx.Italic), after: 8);
            return;
        }

        new PdfTable(canvas, columns).Draw(rows);
    }
}
