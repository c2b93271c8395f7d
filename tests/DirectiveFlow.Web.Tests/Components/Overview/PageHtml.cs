using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace DirectiveFlow.Web.Tests.Components.Overview;

/// <summary>Reads the server-rendered pages the way a reader does: the figures, the links behind them, table rows, the visible text.</summary>
internal static partial class PageHtml
{
    /// <summary>The count cards of a page: figure key → value.</summary>
    public static Dictionary<string, int> Counts(string html) =>
        CountPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));

    /// <summary>The link of each count card: figure key → href.</summary>
    public static Dictionary<string, string> CountLinks(string html) =>
        CountPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => "/" + WebUtility.HtmlDecode(m.Groups[2].Value));

    /// <summary>The body rows of the first table of class "data <paramref name="tableClass"/>" (any data table when empty).</summary>
    public static List<string> Rows(string html, string tableClass)
    {
        var classes = tableClass.Length == 0 ? "data[^\"]*" : $"data {tableClass}[^\"]*";
        var table = Regex.Match(html, $"<table class=\"{classes}\">(.*?)</table>", RegexOptions.Singleline);
        if (!table.Success)
        {
            return [];
        }

        var body = table.Groups[1].Value[table.Groups[1].Value.IndexOf("<tbody>", StringComparison.Ordinal)..];
        return RowPattern().Matches(body).Select(m => m.Value).ToList();
    }

    /// <summary>The number a drill-down page says it lists (data-count of its result line).</summary>
    public static int ResultCount(string html) =>
        int.Parse(ResultCountPattern().Match(html).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>
    /// What a reader sees: the text between tags and the titles, placeholders and labels shown beside elements, without
    /// the head, the scripts and the account's login name (the text of sr-only parts stays: screen readers read it).
    /// </summary>
    public static string VisibleText(string html)
    {
        var body = html[html.IndexOf("<body", StringComparison.Ordinal)..];
        body = Regex.Replace(body, "<script.*?</script>", " ", RegexOptions.Singleline);
        // The signed-in account's login name (e.g. 01-PARTY) is what the user typed, not a label.
        body = Regex.Replace(body, "<span class=\"(?:user__name|user-menu__name)\">[^<]*</span>", " ");
        // The language switch names the other language in that language ("English" on a Vietnamese page).
        body = Regex.Replace(body, "<a class=\"lang-switch\"[^>]*>[^<]*</a>", " ");
        var attributes = string.Join(" ", AttributePattern().Matches(body).Select(m => m.Groups[2].Value));
        return WebUtility.HtmlDecode(Regex.Replace(body, "<[^>]+>", " ") + " " + attributes);
    }

    [GeneratedRegex("class=\"count count--(\\w+)[^\"]*\" href=\"([^\"]*)\">\\s*<span class=\"count__value\">(\\d+)<")]
    private static partial Regex CountPattern();

    [GeneratedRegex("<tr[ >].*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("data-testid=\"result-count\" data-count=\"(\\d+)\"")]
    private static partial Regex ResultCountPattern();

    [GeneratedRegex("\\s(title|placeholder|aria-label|data-label)=\"([^\"]*)\"")]
    private static partial Regex AttributePattern();
}
