using System.Collections.Concurrent;
using Fluid;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>
/// The embedded Liquid templates, parsed once. A template file holds the subject on its first part, then
/// "=== html ===" and "=== text ===" sections, so the three parts of one email are edited side by side.
/// </summary>
public sealed class EmailTemplateStore
{
    public const string DefaultLanguage = "vi";

    private const string HtmlMarker = "=== html ===";
    private const string TextMarker = "=== text ===";
    private const string ResourcePrefix = "DirectiveFlow.Email.Templates.";

    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<(string Name, string Language), ParsedTemplate?> _cache = new();

    /// <summary>The template in <paramref name="language"/>, falling back to Vietnamese.</summary>
    public ParsedTemplate Get(string name, string language) =>
        Load(name, language) ?? Load(name, DefaultLanguage)
        ?? throw new InvalidOperationException($"No email template '{name}'.");

    private ParsedTemplate? Load(string name, string language) => _cache.GetOrAdd((name, language), key =>
    {
        using var stream = typeof(EmailTemplateStore).Assembly.GetManifestResourceStream($"{ResourcePrefix}{key.Name}.{key.Language}.liquid");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return Parse($"{key.Name}.{key.Language}", reader.ReadToEnd());
    });

    private static ParsedTemplate Parse(string id, string source)
    {
        var html = source.IndexOf(HtmlMarker, StringComparison.Ordinal);
        var text = source.IndexOf(TextMarker, StringComparison.Ordinal);
        if (html < 0 || text < html)
        {
            throw new InvalidOperationException($"Email template {id} needs '{HtmlMarker}' then '{TextMarker}'.");
        }

        return new ParsedTemplate(
            Compile(id, source[..html]),
            Compile(id, source[(html + HtmlMarker.Length)..text]),
            Compile(id, source[(text + TextMarker.Length)..]));
    }

    private static IFluidTemplate Compile(string id, string part) =>
        Parser.TryParse(part.Trim('\r', '\n'), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Email template {id}: {error}");

    /// <summary>The three compiled parts of one template in one language.</summary>
    public sealed record ParsedTemplate(IFluidTemplate Subject, IFluidTemplate Html, IFluidTemplate Text);
}
