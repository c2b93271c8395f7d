using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DirectiveFlow.Infrastructure.Email;

namespace DirectiveFlow.Web.Tests.Email;

/// <summary>
/// Whether a rendered email speaks one language. What the model brought (titles, unit and people's names, dates) is
/// taken out first, since a Vietnamese title stays Vietnamese in an English email; what is left is the template's own
/// words. In Vietnamese, none may be a word of the English templates; in English, none may be Vietnamese (a letter
/// with a Vietnamese diacritic, or a word of the Vietnamese templates) — bar the few words both share. No subject may join two phrases
/// with " / ".
/// </summary>
public static partial class OneLanguage
{
    private const string ResourcePrefix = "DirectiveFlow.Email.Templates.";

    private static readonly Lazy<(IReadOnlySet<string> English, IReadOnlySet<string> Vietnamese)> TemplateWords = new(ReadTemplateWords);

    public static IReadOnlyList<string> ProblemsOf(RenderedEmail email, string language, string? modelJson)
    {
        var problems = new List<string>();
        if (email.Subject.Contains(" / ", StringComparison.Ordinal))
        {
            problems.Add($"subject joins two phrases with ' / ': {email.Subject}");
        }

        var own = WithoutModelValues($"{email.Subject}\n{Tag().Replace(email.HtmlBody, " ")}\n{email.TextBody}", modelJson);
        var words = Words(own);
        var (english, vietnamese) = TemplateWords.Value;
        var foreign = language == "en"
            ? words.Where(w => vietnamese.Contains(w) || w.Any(IsVietnameseLetter))
            : words.Where(english.Contains);
        problems.AddRange(foreign.Distinct(StringComparer.Ordinal).Select(w => $"a {language} email says '{w}'"));
        return problems;
    }

    private static string WithoutModelValues(string rendered, string? modelJson)
    {
        // An address is not a word of either language (a task-event email, with no model, carries its link as text).
        var text = Address().Replace(WebUtility.HtmlDecode(rendered), " ");
        if (string.IsNullOrWhiteSpace(modelJson))
        {
            return text;
        }

        using var model = JsonDocument.Parse(modelJson);
        foreach (var value in Strings(model.RootElement).Where(v => v.Length > 0).OrderByDescending(v => v.Length))
        {
            text = text.Replace(value, " ", StringComparison.Ordinal);
        }

        return text;
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };

    /// <summary>
    /// The words both languages' templates may use: the product's name and the section markers. Named here rather than
    /// found by comparing the templates, so an English phrase pasted into a Vietnamese template is not excused by it.
    /// </summary>
    private static readonly string[] SharedWords = ["directiveflow", "html", "text", "ics"];

    private static (IReadOnlySet<string>, IReadOnlySet<string>) ReadTemplateWords() =>
        (SourceWords("en").Except(SharedWords).ToHashSet(StringComparer.Ordinal), SourceWords("vi").Except(SharedWords).ToHashSet(StringComparer.Ordinal));

    private static HashSet<string> SourceWords(string language)
    {
        var assembly = typeof(EmailTemplates).Assembly;
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in EmailTemplates.All)
        {
            using var stream = assembly.GetManifestResourceStream($"{ResourcePrefix}{name}.{language}.liquid")
                ?? throw new InvalidOperationException($"No {language} template '{name}'.");
            using var reader = new StreamReader(stream);
            var source = Liquid().Replace(reader.ReadToEnd(), " ");
            words.UnionWith(Words(Tag().Replace(source, " ")));
        }

        return words;
    }

    /// <summary>Lower-case words of three letters or more (shorter ones, such as "to", are words in both languages).</summary>
    private static IEnumerable<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 3 && !w.StartsWith("===", StringComparison.Ordinal));

    private static bool IsVietnameseLetter(char c) => char.IsLetter(c) && c > '\u007f';

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Liquid();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Address();
}
