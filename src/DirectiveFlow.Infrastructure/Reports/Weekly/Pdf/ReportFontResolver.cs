using PdfSharp.Fonts;

namespace DirectiveFlow.Infrastructure.Reports.Weekly.Pdf;

/// <summary>
/// PDFsharp's fonts on every platform (its core build finds none by itself on Linux): Liberation Serif, metric-compatible
/// with Times New Roman (the font of official documents) and with every Vietnamese letter, carried in the assembly
/// (Fonts/, SIL OFL 1.1), so a fresh machine needs no font package. Any family asked for gets it.
/// </summary>
internal sealed class ReportFontResolver : IFontResolver
{
    public const string Family = "Liberation Serif";

    private const string ResourcePrefix = "DirectiveFlow.Reports.Fonts.";
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global and may be set only once).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver = new ReportFontResolver();
                _installed = true;
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "LiberationSerif-Bold" : italic ? "LiberationSerif-Italic" : "LiberationSerif-Regular");

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(ReportFontResolver).Assembly.GetManifestResourceStream($"{ResourcePrefix}{faceName}.ttf")
            ?? throw new InvalidOperationException($"The report font {faceName} is not in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
