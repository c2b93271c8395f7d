using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DirectiveFlow.Infrastructure.Reports.Weekly.Pdf;

/// <summary>
/// A4 pages written top to bottom: a cursor (<see cref="Y"/>) that moves down with each line and starts a new page,
/// numbered at its top from the second on (as documents are), when the next block does not fit. Margins of Nghị định
/// 30/2020: 30 mm left, 15 mm right, 20 mm top and bottom.
/// </summary>
internal sealed class PdfCanvas : IDisposable
{
    public const double Left = 85;
    public const double Right = 595 - 42;
    public const double Top = 57;
    public const double Bottom = 842 - 57;

    private readonly PdfDocument _document = new();
    private XGraphics? _graphics;

    public PdfCanvas(string title)
    {
        ReportFontResolver.Install();
        _document.Info.Title = title;
        _document.Info.Creator = "DirectiveFlow";
        NewPage();
    }

    public const double Width = Right - Left;

    public double Y { get; set; }

    public XGraphics Graphics => _graphics!;

    public int PageCount => _document.PageCount;

    public static XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular) => new(ReportFontResolver.Family, size, style);

    public void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _graphics = XGraphics.FromPdfPage(page);
        Y = Top;
        if (_document.PageCount > 1)
        {
            Center(_document.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Font(11), Left, Right, Top - 30);
        }
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void Ensure(double height)
    {
        if (Y + height > Bottom)
        {
            NewPage();
        }
    }

    public void Center(string text, XFont font, double left, double right, double y) =>
        Graphics.DrawString(text, font, XBrushes.Black, new XRect(left, y, right - left, font.Height), XStringFormats.TopCenter);

    /// <summary>Writes <paramref name="text"/> wrapped to the page's width, starting a new page when needed.</summary>
    public void Paragraph(string text, XFont font, bool centered = false, double after = 4)
    {
        foreach (var line in Wrap(text, font, Width))
        {
            Ensure(font.Height);
            if (centered)
            {
                Center(line, font, Left, Right, Y);
            }
            else
            {
                Graphics.DrawString(line, font, XBrushes.Black, new XRect(Left, Y, Width, font.Height), XStringFormats.TopLeft);
            }

            Y += font.Height;
        }

        Y += after;
    }

    /// <summary>The lines <paramref name="text"/> takes in <paramref name="width"/> points, broken at spaces (a word too long for a line at its letters).</summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (Graphics.MeasureString(candidate, font).Width <= width)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            line = word;
            while (line.Length > 1 && Graphics.MeasureString(line, font).Width > width)
            {
                var cut = line.Length - 1;
                while (cut > 1 && Graphics.MeasureString(line[..cut], font).Width > width)
                {
                    cut--;
                }

                lines.Add(line[..cut]);
                line = line[cut..];
            }
        }

        lines.Add(line);
        return lines;
    }

    public byte[] Save()
    {
        _graphics?.Dispose();
        _graphics = null;
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }
}
