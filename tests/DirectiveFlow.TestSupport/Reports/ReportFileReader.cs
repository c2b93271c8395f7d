using MiniExcelLibs;
using UglyToad.PdfPig;

namespace DirectiveFlow.TestSupport.Reports;

/// <summary>Opens the report's files with readers, as a user's software would: the workbook's sheets and cells, the PDF's pages and text.</summary>
public static class ReportFileReader
{
    /// <summary>Every sheet in order, each as its rows keyed by the header row's names.</summary>
    public static Dictionary<string, List<IDictionary<string, object?>>> Sheets(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        var sheets = new Dictionary<string, List<IDictionary<string, object?>>>(StringComparer.Ordinal);
        foreach (var name in stream.GetSheetNames())
        {
            using var sheet = new MemoryStream(xlsx);
            sheets[name] = sheet.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>().ToList();
        }

        return sheets;
    }

    /// <summary>The text of each page, words separated by spaces as drawn.</summary>
    public static List<string> PdfPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))).ToList();
    }
}
