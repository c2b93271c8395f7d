using System.IO.Compression;
using System.Net.Http.Headers;

namespace DirectiveFlow.Web.Tests.Api.Tasks;

/// <summary>Small real files of each accepted type, and multipart bodies carrying them.</summary>
public static class AttachmentFiles
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Docx() => Zip("word/document.xml");

    public static byte[] Xlsx() => Zip("xl/workbook.xml");

    public static MultipartFormDataContent Form(string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static byte[] Zip(string entryName)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            writer.Write("<Types/>");
            writer.Dispose();
            using var part = new StreamWriter(zip.CreateEntry(entryName).Open());
            part.Write("<x/>");
        }

        return buffer.ToArray();
    }
}
