using System.Globalization;
using System.Text;

namespace DirectiveFlow.Core.Common;

/// <summary>
/// Text search as officials type it: case- and diacritic-insensitive, "đ" matching "d" — "hoan kiem" finds
/// "Đảng ủy phường Hoàn Kiếm".
/// </summary>
public static class SearchText
{
    public static bool Contains(string text, string query) =>
        Fold(text).Contains(Fold(query.Trim()), StringComparison.Ordinal);

    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
