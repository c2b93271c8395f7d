using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Directives.Items;

namespace DirectiveFlow.Infrastructure.Engine.Runtime;

/// <summary>
/// Fills <c>{{directive.title}}</c>, <c>{{directive.number}}</c>, <c>{{directive.document}}</c> (type and number, "Kết luận
/// số 15-KL/TU"), <c>{{directive.issuedOn}}</c> (dd/MM/yyyy), <c>{{directive.summary}}</c>, <c>{{directive.summaryInline}}</c>
/// (the summary — or the title when there is none — for running text, see <see cref="Inline"/>), <c>{{directive.about}}</c>
/// (the title as "về …", whether or not it was typed with "Về"), <c>{{unit.name}}</c>,
/// <c>{{unit.code}}</c> and <c>{{inputs.x}}</c>; in a cascade over a document's items, <c>{{item.number}}</c> ("1.2"),
/// <c>{{item.label}}</c> ("Nhiệm vụ 1.2"), <c>{{item.content}}</c> and <c>{{item.deadline}}</c> (dd/MM/yyyy, "thường
/// xuyên", or empty when the item counts working days) — empty outside one. Any of them takes the filter <c>| inline</c>:
/// <c>{{directive.title | inline}}</c> reads "…thực hiện về đẩy nhanh…", not "…thực hiện Về đẩy nhanh…".
/// </summary>
public static partial class TemplateText
{
    public static string Fill(string? template, FlowDocument directive, TargetUnit? unit) => Compile(template, directive)(unit);

    /// <summary>
    /// Resolves the directive's placeholders once and answers a filler for the unit's, so a cascade fills thousands of
    /// titles with a concatenation each instead of a regex pass each.
    /// </summary>
    public static Func<TargetUnit?, string> Compile(string? template, FlowDocument directive, DirectiveItem? item = null)
    {
        if (string.IsNullOrEmpty(template) || !template.Contains("{{", StringComparison.Ordinal))
        {
            var fixedText = template ?? "";
            return _ => fixedText;
        }

        var parts = new List<Func<TargetUnit?, string>>();
        var at = 0;
        foreach (Match m in Placeholder().Matches(template))
        {
            var literal = template[at..m.Index];
            parts.Add(_ => literal);
            var key = m.Groups[1].Value;
            var inline = m.Groups[2].Success;
            string? value = key switch
            {
                "directive.title" => directive.Title,
                "directive.number" => directive.Number,
                "directive.document" => Reference(directive).Head(english: false),
                "directive.issuedOn" => directive.IssuedOn is { } on ? DirectiveDocument.Format(on) : "",
                "directive.summary" => directive.Summary ?? "",
                "directive.summaryInline" => Inline(string.IsNullOrWhiteSpace(directive.Summary) ? directive.Title : directive.Summary),
                "directive.about" => About(directive.Title),
                "unit.name" or "unit.code" => null,
                _ when key.StartsWith("item.", StringComparison.Ordinal) => ItemValue(key[5..], item) ?? m.Value,
                _ when key.StartsWith("inputs.", StringComparison.Ordinal) => AsText(directive.Inputs[key[7..]]),
                _ => m.Value,
            };
            if (inline && value is not null && value != m.Value)
            {
                value = Inline(value);
            }

            parts.Add(value is not null ? _ => value : key == "unit.name" ? u => u?.Name ?? "" : u => u?.Code ?? "");
            at = m.Index + m.Length;
        }

        var tail = template[at..];
        parts.Add(_ => tail);
        return unit =>
        {
            var text = new StringBuilder();
            foreach (var part in parts)
            {
                text.Append(part(unit));
            }

            return text.ToString();
        };
    }

    /// <summary>
    /// A sentence fragment made to continue running text: trimmed, without its closing full stop, its first letter in
    /// lower case ("Về đẩy nhanh…" → "về đẩy nhanh…") — unless it opens with a proper name or an abbreviation, which
    /// Vietnamese writes with every syllable capitalised: "Hà Nội…", "UBND…" stay as they are (the second word, or the
    /// second letter, starts in upper case).
    /// </summary>
    public static string Inline(string? text)
    {
        var value = (text ?? "").Trim().TrimEnd('.', ';').TrimEnd();
        if (value.Length == 0 || !char.IsUpper(value[0]))
        {
            return value;
        }

        var words = value.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        var first = words[0];
        var keep = (first.Length > 1 && char.IsUpper(first[1])) || (words.Length > 1 && words[1].Length > 0 && char.IsUpper(words[1][0]));
        return keep ? value : char.ToLowerInvariant(value[0]) + value[1..];
    }

    /// <summary>"về đẩy nhanh…" from the title "Về đẩy nhanh…" or "Đẩy nhanh…"; empty for an empty title.</summary>
    public static string About(string? title)
    {
        var inline = Inline(title);
        return inline.Length == 0 || inline.StartsWith("về ", StringComparison.Ordinal) ? inline : "về " + inline;
    }

    /// <summary>An item placeholder's text ("" outside an item); null for a name that is not one.</summary>
    private static string? ItemValue(string name, DirectiveItem? item) => name switch
    {
        "number" => item?.Number ?? "",
        "label" => item is null ? "" : $"Nhiệm vụ {item.Number}",
        "content" => item?.Content ?? "",
        "deadline" => item is null ? "" : item.DeadlineDate is { } date ? DirectiveDocument.Format(date) : item.Periodic ? "thường xuyên" : "",
        _ => null,
    };

    private static DirectiveReference Reference(FlowDocument d) => new(d.Number, d.DocumentType, d.IssuedOn, "", null, null, d.Deadline);

    private static string AsText(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    [GeneratedRegex(@"\{\{\s*([a-zA-Z0-9_.]+)\s*(\|\s*inline\s*)?\}\}")]
    private static partial Regex Placeholder();
}
