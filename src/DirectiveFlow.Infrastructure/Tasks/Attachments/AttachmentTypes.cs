using System.IO.Compression;

namespace DirectiveFlow.Infrastructure.Tasks.Attachments;

/// <summary>
/// The file types a result may carry — pdf, docx, xlsx, png, jpg — recognised by extension AND by content: the
/// magic bytes must match, and an Office file must be a zip holding the part its extension promises.
/// </summary>
public static class AttachmentTypes
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>The content type the file is served with, by (lower-case) extension.</summary>
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    /// <summary>Whether <paramref name="content"/> (seekable, at position 0) really is a file of <paramref name="extension"/>'s type.</summary>
    public static bool Matches(string extension, Stream content)
    {
        var head = new byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var bytes = head.AsSpan(0, read);
        return extension.ToLowerInvariant() switch
        {
            ".pdf" => bytes.StartsWith(Pdf),
            ".png" => bytes.StartsWith(Png),
            ".jpg" or ".jpeg" => bytes.StartsWith(Jpeg),
            ".docx" => bytes.StartsWith(Zip) && ZipHolds(content, "word/"),
            ".xlsx" => bytes.StartsWith(Zip) && ZipHolds(content, "xl/"),
            _ => false,
        };
    }

    private static bool ZipHolds(Stream content, string prefix)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Any(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
