using System.Net;
using System.Text.RegularExpressions;
using DirectiveFlow.Infrastructure.Email;

namespace DirectiveFlow.Web.Tests.Email;

/// <summary>
/// Finds every link in an email (each <c>href</c> of the HTML, every address in the HTML, the text and the <c>.ics</c>)
/// and says what is wrong with one: not on the public address, a path the app does not map, or an id of a task,
/// directive or unit that does not exist.
/// </summary>
public sealed partial class EmailLinkChecker(string baseUrl, AppRoutes routes, KnownIds ids)
{
    private readonly string _base = baseUrl.TrimEnd('/');

    public static IReadOnlyList<string> LinksOf(RenderedEmail email)
    {
        var html = WebUtility.HtmlDecode(email.HtmlBody);
        // An iCalendar line longer than 75 octets goes on after a line break and one space or tab.
        var ics = (email.IcsContent ?? "").Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        return Href().Matches(html).Select(m => m.Groups["url"].Value)
            .Concat(new[] { html, email.TextBody, ics }.SelectMany(body => Address().Matches(body).Select(m => m.Value.TrimEnd('.', ',', ';', ':', ')'))))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>What is wrong with <paramref name="link"/>; empty when it leads somewhere that exists.</summary>
    public IReadOnlyList<string> ProblemsOf(string link)
    {
        if (!link.StartsWith(_base + "/", StringComparison.Ordinal) && link != _base)
        {
            return [$"{link}: not on the public address {_base}"];
        }

        var rest = link[_base.Length..];
        var path = rest.Split('?', '#')[0];
        if (path.Length == 0)
        {
            path = "/";
        }

        if (routes.Match(path) is not { } match)
        {
            return [$"{link}: no route of the app matches {path}"];
        }

        var named = match.Values.Values.Select(v => v?.ToString())
            .Concat(Query(rest))
            .Select(v => Guid.TryParse(v, out var id) ? id : (Guid?)null)
            .OfType<Guid>();
        var kind = match.Pattern.RawText ?? "";
        return named.Where(id => !ids.Exists(kind, id))
            .Select(id => $"{link}: {kind} names {id}, which does not exist")
            .ToList();
    }

    private static IEnumerable<string> Query(string rest) =>
        rest.Contains('?', StringComparison.Ordinal)
            ? rest[(rest.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&').Select(p => Uri.UnescapeDataString(p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            : [];

    [GeneratedRegex("""href\s*=\s*["'](?<url>[^"']*)["']""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Href();

    [GeneratedRegex("""https?://[^\s"'<>]+""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
