using System.Text.RegularExpressions;

namespace DirectiveFlow.Core.Workflows.Validation;

/// <summary>
/// The placeholders a task's title and instructions and a Notify's subject and body may use, as the engine fills them
/// (Infrastructure's TemplateText): anything else between <c>{{ }}</c> was left as written in every task and email.
/// </summary>
public static partial class TemplatePlaceholders
{
    /// <summary>The fixed keys; <c>inputs.&lt;declared input&gt;</c> is allowed too.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "directive.title", "directive.number", "directive.document", "directive.issuedOn", "directive.summary",
        "directive.summaryInline", "directive.about", "unit.name", "unit.code",
        "item.number", "item.label", "item.content", "item.deadline",
    ];

    public const string InputPrefix = "inputs.";

    /// <summary>Every <c>{{ … }}</c> of <paramref name="text"/> as (the text written, its key or null when it is not a placeholder's form).</summary>
    public static IEnumerable<(string Written, string? Key)> In(string? text)
    {
        foreach (Match m in Braces().Matches(text ?? ""))
        {
            var form = Placeholder().Match(m.Value);
            yield return (m.Value, form.Success ? form.Groups[1].Value : null);
        }
    }

    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex Braces();

    [GeneratedRegex(@"^\{\{\s*([a-zA-Z0-9_.]+)\s*(\|\s*inline\s*)?\}\}$")]
    private static partial Regex Placeholder();
}
