using System.Text;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Infrastructure.Tasks.Attachments;

/// <summary>
/// The checks every uploaded file passes before a byte is stored — a task's result or a directive's signed document:
/// a name (NFC-normalised, so Vietnamese diacritics survive, kept only as a label, never as a path), an accepted
/// extension, a size within <see cref="AttachmentOptions.MaxBytes"/>, and content whose magic bytes match the extension.
/// </summary>
public static class AttachmentUpload
{
    /// <summary>The cleaned file name and the content type it is served with; a refusal throws a 400 on <c>file</c>.</summary>
    /// <param name="accepted">The extensions allowed here, and the error naming them; null for every <see cref="AttachmentTypes"/> type.</param>
    public static (string Name, string ContentType) Check(string? fileName, Stream content, AttachmentOptions options,
        (IReadOnlySet<string> Extensions, string ErrorCode)? accepted = null)
    {
        var name = CleanName(fileName);
        var extension = Path.GetExtension(name);
        if (name.Length == 0 || !AttachmentTypes.ContentTypes.TryGetValue(extension, out var contentType)
            || (accepted is { } only && !only.Extensions.Contains(extension)))
        {
            throw ProblemException.Invalid("file", accepted?.ErrorCode ?? ErrorCodes.FileType, name);
        }

        if (content.Length == 0 || content.Length > options.MaxBytes)
        {
            throw ProblemException.Invalid("file", ErrorCodes.FileSize, options.MaxBytes / 1024 / 1024);
        }

        if (!AttachmentTypes.Matches(extension, content))
        {
            throw ProblemException.Invalid("file", ErrorCodes.FileContent);
        }

        return (name, contentType);
    }

    private static string CleanName(string? raw)
    {
        var name = Path.GetFileName((raw ?? "").Replace('\\', '/')).Normalize(NormalizationForm.FormC);
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        if (name.Length > 200)
        {
            var extension = Path.GetExtension(name);
            name = name[..(200 - extension.Length)] + extension;
        }

        return name;
    }
}
