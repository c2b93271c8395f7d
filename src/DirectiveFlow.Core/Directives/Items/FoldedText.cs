using System.Globalization;
using System.Text;

namespace DirectiveFlow.Core.Directives.Items;

/// <summary>
/// Vietnamese text folded for matching: lower case, without diacritics, "đ" as "d", dashes as "-", one character for
/// one, so that an index into the folded text is the same index into the text as written.
/// </summary>
public static class FoldedText
{
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            folded.Append(FoldChar(c));
        }

        return folded.ToString();
    }

    /// <summary>True when the text carries no Vietnamese diacritic at all (e.g. "So Xay dung").</summary>
    public static bool IsBare(string text) => text.All(c => c < 128 || !char.IsLetter(c));

    private static char FoldChar(char c)
    {
        if (c is 'đ' or 'Đ')
        {
            return 'd';
        }

        if (c is '–' or '—')
        {
            return '-';
        }

        if (c < 128)
        {
            return char.ToLowerInvariant(c);
        }

        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark
            ? char.ToLowerInvariant(decomposed[0])
            : c;
    }
}
