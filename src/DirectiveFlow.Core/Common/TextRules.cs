using System.Globalization;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Common;

/// <summary>
/// What a stored text may hold: no NUL or other control characters (PostgreSQL refuses NUL; the rest hide in titles
/// and e-mail subjects), no broken UTF-16, not only spaces or invisible characters when required, and a bounded length.
/// Each check answers null when the text is fine, else the reason as an <see cref="ErrorMessage"/> code.
/// </summary>
public static class TextRules
{
    /// <summary>A one-line text such as a title, a name or a code.</summary>
    public static ErrorMessage? Line(string? value, int maxLength, bool required = true) => Check(value, maxLength, required, multiline: false);

    /// <summary>A text that may span lines (tabs and line breaks allowed), such as a body, a note or instructions.</summary>
    public static ErrorMessage? Paragraphs(string? value, int maxLength, bool required = false) => Check(value, maxLength, required, multiline: true);

    /// <summary>True when the text has nothing visible: only white space, zero-width or other invisible characters.</summary>
    public static bool IsBlank(string? value) => value is null || value.All(IsInvisible);

    /// <summary>Null when every character is allowed, else the reason.</summary>
    public static ErrorMessage? Characters(string value, bool multiline)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return new ErrorMessage(ErrorCodes.BrokenUnicode);
            }
            else if (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r'))
            {
                return new ErrorMessage(multiline ? ErrorCodes.ControlCharacter : ErrorCodes.NotOneLine, (int)c);
            }
        }

        return null;
    }

    private static ErrorMessage? Check(string? value, int maxLength, bool required, bool multiline)
    {
        if (value is null || value.Length == 0)
        {
            return required ? new ErrorMessage(ErrorCodes.Required) : null;
        }

        if (value.Length > maxLength)
        {
            return new ErrorMessage(ErrorCodes.TooLong, maxLength, value.Length);
        }

        if (Characters(value, multiline) is { } bad)
        {
            return bad;
        }

        return required && IsBlank(value)
            ? new ErrorMessage(ErrorCodes.Blank)
            : null;
    }

    private static bool IsInvisible(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format // zero-width space and joiners, BOM, soft hyphen, …
        || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800'; // Hangul fillers and the blank Braille pattern
}
