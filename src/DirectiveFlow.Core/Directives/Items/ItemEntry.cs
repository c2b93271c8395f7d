using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Directives.Items;

/// <summary>
/// One item as the issuer gave it in <c>inputs.{name}</c>, its shape checked and its units still codes:
/// <c>{"number":"1.2", "content":"…", "leadUnit":"CODE", "supportingUnits":["CODE"], "deadline":"yyyy-MM-dd" | days,
/// "periodic":false, "priority":"High"}</c>. <see cref="ItemEntries.Read"/> makes them; the issue command checks the
/// units and the dates against the organisation, the calendar and the document's overall deadline.
/// </summary>
public sealed record ItemEntry(
    int Ordinal, string Number, string Content, string? LeadCode, IReadOnlyList<string> SupportingCodes,
    DateOnly? DeadlineDate, int? DeadlineDays, bool Periodic, DirectivePriority? Priority);

/// <summary>Reads and checks the shape of an items input; every problem is reported under <c>{field}[i].{part}</c>.</summary>
public static class ItemEntries
{
    /// <summary>The most items one document may carry.</summary>
    public const int MaxItems = 200;

    /// <summary>The longest item number ("1.2.a").</summary>
    public const int NumberLength = 20;

    /// <summary>
    /// The entries of <paramref name="node"/>, in order; an empty list (with the error reported) when it is not a list,
    /// is empty or is too long. A row with an error is still returned, so the caller can check its units as well.
    /// </summary>
    public static List<ItemEntry> Read(JsonNode? node, string field, FieldErrors errors)
    {
        if (node is not JsonArray array)
        {
            errors.Add(field, node is null ? ErrorCodes.ItemsRequired : ErrorCodes.ItemsNotList);
            return [];
        }

        if (array.Count == 0)
        {
            errors.Add(field, ErrorCodes.ItemsRequired);
            return [];
        }

        if (array.Count > MaxItems)
        {
            errors.Add(field, ErrorCodes.ItemsTooMany, MaxItems, array.Count);
            return [];
        }

        var entries = new List<ItemEntry>(array.Count);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{field}[{i}]";
            var row = array[i] as JsonObject ?? [];
            var number = Text(row["number"])?.Trim() is { Length: > 0 } given ? given : (i + 1).ToString(CultureInfo.InvariantCulture);
            if (number.Length > NumberLength)
            {
                errors.Add($"{at}.number", ErrorCodes.ItemNumberTooLong, number, NumberLength);
            }
            else if (!numbers.Add(number))
            {
                errors.Add($"{at}.number", ErrorCodes.ItemNumberDuplicate, number);
            }

            var content = Text(row["content"])?.Trim() ?? "";
            if (TextRules.IsBlank(content))
            {
                errors.Add($"{at}.content", ErrorCodes.ItemContentRequired, number);
            }
            else if (TextRules.Paragraphs(content, InputLimits.NoteLength) is { } reason)
            {
                errors.Add($"{at}.content", ErrorCodes.ItemText, number, reason);
            }

            var lead = Text(row["leadUnit"])?.Trim();
            if (string.IsNullOrEmpty(lead))
            {
                errors.Add($"{at}.leadUnit", ErrorCodes.ItemLeadRequired, number);
                lead = null;
            }

            var supporting = Codes(row["supportingUnits"]).Where(c => c != lead).Distinct(StringComparer.Ordinal).ToList();
            var (date, days) = Deadline(row["deadline"], $"{at}.deadline", number, errors);
            var periodic = row["periodic"] is JsonValue p && p.GetValueKind() == JsonValueKind.True;
            DirectivePriority? priority = null;
            if (Text(row["priority"]) is { Length: > 0 } wanted)
            {
                if (Enum.TryParse<DirectivePriority>(wanted, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
                {
                    priority = parsed;
                }
                else
                {
                    errors.Add($"{at}.priority", ErrorCodes.ItemPriorityInvalid, number, wanted);
                }
            }

            entries.Add(new ItemEntry(i + 1, number, content, lead, supporting, date, days, periodic, priority));
        }

        return entries;
    }

    private static (DateOnly? Date, int? Days) Deadline(JsonNode? node, string field, string number, FieldErrors errors)
    {
        switch (node)
        {
            case null:
                return (null, null);
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                if (v.TryGetValue<int>(out var days) && days is >= 0 and <= InputLimits.MaxWorkingDays)
                {
                    return (null, days);
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>().Trim();
                if (text.Length == 0)
                {
                    return (null, null);
                }

                if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return (date, null);
                }

                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var typedDays) && typedDays <= InputLimits.MaxWorkingDays)
                {
                    return (null, typedDays);
                }

                break;
        }

        errors.Add(field, ErrorCodes.ItemDeadlineInvalid, number, Shown(node), InputLimits.MaxWorkingDays);
        return (null, null);
    }

    private static string Shown(JsonNode node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node.ToJsonString();

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static IEnumerable<string> Codes(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(Text).Select(c => c?.Trim()).Where(c => !string.IsNullOrEmpty(c)).Select(c => c!),
        JsonValue v when Text(v) is { } one && one.Trim().Length > 0 => [one.Trim()],
        _ => [],
    };
}
