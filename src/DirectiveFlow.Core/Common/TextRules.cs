using System.Globalization;

namespace DirectiveFlow.Core.Common;

/// <summary>
/// What a stored text may hold: no NUL or other control characters (PostgreSQL refuses NUL; the rest hide in titles
/// and e-mail subjects), no broken UTF-16, not only spaces or invisible characters when required, and a bounded length.
/// Each check answers null when the text is fine, else the bilingual reason (Vietnamese / English).
/// </summary>
public static class TextRules
{
    /// <summary>A one-line text such as a title, a name or a code.</summary>
    public static string? Line(string? value, int maxLength, bool required = true) => Check(value, maxLength, required, multiline: false);

    /// <summary>A text that may span lines (tabs and line breaks allowed), such as a body, a note or instructions.</summary>
    public static string? Paragraphs(string? value, int maxLength, bool required = false) => Check(value, maxLength, required, multiline: true);

    /// <summary>Adds the reason under <paramref name="field"/> when <paramref name="reason"/> is not null.</summary>
    public static void Report(Dictionary<string, string[]> errors, string field, string? reason)
    {
        if (reason is not null)
        {
            errors[field] = [reason];
        }
    }

    /// <summary>True when the text has nothing visible: only white space, zero-width or other invisible characters.</summary>
    public static bool IsBlank(string? value) => value is null || value.All(IsInvisible);

    /// <summary>Null when every character is allowed, else the reason.</summary>
    public static string? Characters(string value, bool multiline)
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
                return "Chứa ký tự Unicode hỏng (nửa cặp UTF-16). / Contains a broken Unicode character (a lone UTF-16 surrogate).";
            }
            else if (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r'))
            {
                return multiline
                    ? $"Không được chứa ký tự điều khiển (U+{(int)c:X4}). / Must not contain control characters such as NUL (U+{(int)c:X4})."
                    : $"Phải là một dòng, không chứa ký tự điều khiển (U+{(int)c:X4}). / Must be one line without control characters such as NUL (U+{(int)c:X4}).";
            }
        }

        return null;
    }

    private static string? Check(string? value, int maxLength, bool required, bool multiline)
    {
        if (value is null || value.Length == 0)
        {
            return required ? "Bắt buộc. / Required." : null;
        }

        if (value.Length > maxLength)
        {
            return $"Tối đa {maxLength} ký tự (đang có {value.Length}). / At most {maxLength} characters (got {value.Length}).";
        }

        if (Characters(value, multiline) is { } bad)
        {
            return bad;
        }

        return required && IsBlank(value)
            ? "Bắt buộc: chỉ có khoảng trắng hoặc ký tự vô hình. / Required: only spaces or invisible characters were given."
            : null;
    }

    private static bool IsInvisible(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format // zero-width space and joiners, BOM, soft hyphen, …
        || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800'; // Hangul fillers and the blank Braille pattern
}
