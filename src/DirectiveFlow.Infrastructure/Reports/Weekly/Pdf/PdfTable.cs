using PdfSharp.Drawing;

namespace DirectiveFlow.Infrastructure.Reports.Weekly.Pdf;

/// <summary>
/// A ruled table across the page: a shaded header row (repeated on every page the table runs onto), cells wrapped to
/// their column, numbers right-aligned, bold rows for totals.
/// </summary>
internal sealed class PdfTable(PdfCanvas canvas, IReadOnlyList<PdfTable.Column> columns)
{
    private const double Padding = 3;
    private static readonly XFont HeaderFont = PdfCanvas.Font(9, XFontStyleEx.Bold);
    private static readonly XFont CellFont = PdfCanvas.Font(9.5);
    private static readonly XFont BoldFont = PdfCanvas.Font(9.5, XFontStyleEx.Bold);
    private static readonly XPen Rule = new(XColors.Black, 0.5);
    private static readonly XBrush Shade = new XSolidBrush(XColor.FromArgb(235, 235, 235));

    /// <summary>A column: its heading, its share of the page's width and whether it holds numbers.</summary>
    internal sealed record Column(string Heading, double Share, bool Numeric = false);

    public void Draw(IEnumerable<IReadOnlyList<string>> rows, Func<int, bool>? isBold = null)
    {
        var widths = Widths();
        DrawRow(columns.Select(c => c.Heading).ToList(), widths, HeaderFont, header: true);
        var index = 0;
        foreach (var row in rows)
        {
            var font = isBold?.Invoke(index++) == true ? BoldFont : CellFont;
            if (canvas.Y + Height(row, widths, font) > PdfCanvas.Bottom)
            {
                canvas.NewPage();
                DrawRow(columns.Select(c => c.Heading).ToList(), widths, HeaderFont, header: true);
            }

            DrawRow(row, widths, font, header: false);
        }

        canvas.Y += 8;
    }

    private double[] Widths()
    {
        var total = columns.Sum(c => c.Share);
        return columns.Select(c => PdfCanvas.Width * c.Share / total).ToArray();
    }

    private double Height(IReadOnlyList<string> cells, double[] widths, XFont font) =>
        (cells.Select((text, i) => canvas.Wrap(text, font, widths[i] - (2 * Padding)).Count).Max() * font.Height) + (2 * Padding);

    private void DrawRow(IReadOnlyList<string> cells, double[] widths, XFont font, bool header)
    {
        var height = Height(cells, widths, font);
        var g = canvas.Graphics;
        var x = PdfCanvas.Left;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = new XRect(x, canvas.Y, widths[i], height);
            if (header)
            {
                g.DrawRectangle(Shade, cell);
            }

            g.DrawRectangle(Rule, cell);
            var y = canvas.Y + Padding;
            foreach (var line in canvas.Wrap(cells[i], font, widths[i] - (2 * Padding)))
            {
                var format = header ? XStringFormats.TopCenter : columns[i].Numeric ? XStringFormats.TopRight : XStringFormats.TopLeft;
                g.DrawString(line, font, XBrushes.Black, new XRect(x + Padding, y, widths[i] - (2 * Padding), font.Height), format);
                y += font.Height;
            }

            x += widths[i];
        }

        canvas.Y += height;
    }
}
