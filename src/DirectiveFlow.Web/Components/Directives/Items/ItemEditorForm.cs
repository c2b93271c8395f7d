using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Directives.Items;
using DirectiveFlow.Web.Localization;
using Microsoft.AspNetCore.Http;

namespace DirectiveFlow.Web.Components.Directives.Items;

/// <summary>
/// The item editor's posted form: its rows (field <c>items[i].…</c>), the button pressed (<c>items.op</c>: add a row,
/// move or remove one, propose from the pasted text, look units up) and the <c>inputs.items</c> JSON the issue command
/// reads. Every button posts the whole form, so the editor works without script and keeps what was typed.
/// </summary>
public static class ItemEditorForm
{
    public const string OpField = "items.op";
    public const string PasteField = "items.paste";
    public const string Add = "add";
    public const string Propose = "propose";
    public const string Find = "find";
    public const string Up = "up:";
    public const string Down = "down:";
    public const string Remove = "remove:";

    /// <summary>The longest list the issue command takes.</summary>
    public const int MaxItems = ItemEntries.MaxItems;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The name of one field of row <paramref name="index"/>.</summary>
    public static string Field(int index, string part) => $"items[{index}].{part}";

    /// <summary>The key the issue command reports a row's field under (<c>inputs.items[i].leadUnit</c>).</summary>
    public static string ErrorKey(string prefix, int index, string part) => $"{prefix}[{index}].{part}";

    /// <summary>
    /// Where a row button posts: this page with a fragment, so the page comes back scrolled to the row concerned
    /// rather than to its top.
    /// </summary>
    public static string Anchored(string uri, string anchor) => $"{uri.Split('#')[0]}#{anchor}";

    public static string? Op(IFormCollection? form) => form?[OpField].ToString() is { Length: > 0 } op ? op : null;

    /// <summary>The posted rows in their order, with the units picked among the proposals applied.</summary>
    public static List<ItemRow> Read(IFormCollection form)
    {
        var rows = new List<ItemRow>();
        for (var i = 0; i < MaxItems + 1 && form.ContainsKey(Field(i, "content")); i++)
        {
            var codes = CodesByName(Text(form, i, "units"));
            var row = new ItemRow
            {
                Number = Text(form, i, "number"),
                Content = Text(form, i, "content"),
                Lead = Code(codes, Text(form, i, "lead")),
                Supporting = string.Join(", ", Entries(Text(form, i, "supporting")).Select(e => Code(codes, e))),
                Deadline = Text(form, i, "deadline"),
                Periodic = form[Field(i, "periodic")].Contains("true"),
                Priority = Enum.TryParse<DirectivePriority>(Text(form, i, "priority"), out var p) && Enum.IsDefined(p) ? p : null,
                Proposal = Proposal(Text(form, i, "proposal")),
                Chosen = form[Field(i, "chosen")].Contains("true"),
            };
            if (Text(form, i, "pick") is { Length: > 0 } pick)
            {
                row.Lead = pick;
                row.Chosen = true;
            }

            ApplySupportingPicks(row, form[Field(i, "supportingPick")].OfType<string>());
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// The row's hidden field <c>units</c>: each unit it names as "code=name", separated by ";", so the fields can show
    /// the names (what an official reads) and the post still knows the codes.
    /// </summary>
    public static string UnitsField(ItemRow row, IReadOnlyDictionary<string, string> names) => string.Join(";",
        row.SupportingEntries.Prepend(row.Lead).Distinct(StringComparer.Ordinal)
            .Where(names.ContainsKey).Select(code => $"{code}={names[code]}"));

    /// <summary>A row's units as its fields show them: each code by its unit's name, words as typed.</summary>
    public static string Shown(string entry, IReadOnlyDictionary<string, string> names) => names.GetValueOrDefault(entry) ?? entry;

    /// <summary>Applies a row button (add, up:i, down:i, remove:i); other operations leave the rows as they are.</summary>
    public static void Apply(List<ItemRow> rows, string op)
    {
        if (op == Add && rows.Count < MaxItems)
        {
            rows.Add(new ItemRow());
            return;
        }

        var index = Index(op, Up) ?? Index(op, Down) ?? Index(op, Remove);
        if (index is not { } i || i < 0 || i >= rows.Count)
        {
            return;
        }

        if (op.StartsWith(Remove, StringComparison.Ordinal))
        {
            rows.RemoveAt(i);
            return;
        }

        var j = op.StartsWith(Up, StringComparison.Ordinal) ? i - 1 : i + 1;
        if (j >= 0 && j < rows.Count)
        {
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
    }

    /// <summary>What the rows say that the command would refuse anyway, caught before asking it, each under its row.</summary>
    public static IEnumerable<(string Key, string Message)> Check(string prefix, IReadOnlyList<ItemRow> rows, IReadOnlyDictionary<string, string> names)
    {
        if (rows.Count == 0)
        {
            yield return (prefix, "Items.Required");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Content.Length == 0)
            {
                yield return (ErrorKey(prefix, i, "content"), "Items.ContentRequired");
            }

            if (row.Lead.Length == 0)
            {
                yield return (ErrorKey(prefix, i, "leadUnit"), "Items.LeadRequired");
            }
            else if (row.NeedsChoice)
            {
                yield return (ErrorKey(prefix, i, "leadUnit"), "Items.LeadChoose");
            }
            else if (!names.ContainsKey(row.Lead))
            {
                yield return (ErrorKey(prefix, i, "leadUnit"), "Items.LeadUnknown");
            }

            var supporting = row.SupportingEntries;
            for (var j = 0; j < supporting.Count; j++)
            {
                if (!names.ContainsKey(supporting[j]))
                {
                    yield return (ErrorKey(prefix, i, $"supportingUnits[{j}]"), "Items.SupportingUnknown");
                }
            }

            if (!row.Periodic && row.Deadline.Length > 0 && Deadline(row.Deadline) is null)
            {
                yield return (ErrorKey(prefix, i, "deadline"), "Items.DeadlineInvalid");
            }
        }
    }

    /// <summary>The rows as the issue command's <c>inputs.items</c>.</summary>
    public static JsonArray ToJson(IReadOnlyList<ItemRow> rows)
    {
        var array = new JsonArray();
        foreach (var row in rows)
        {
            var item = new JsonObject { ["content"] = row.Content, ["leadUnit"] = row.Lead };
            if (row.Number.Length > 0)
            {
                item["number"] = row.Number;
            }

            if (row.SupportingEntries.Count > 0)
            {
                item["supportingUnits"] = new JsonArray(row.SupportingEntries.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
            }

            if (row.Periodic)
            {
                item["periodic"] = true;
            }
            else if (Deadline(row.Deadline) is { } deadline)
            {
                item["deadline"] = deadline;
            }

            if (row.Priority is { } priority)
            {
                item["priority"] = priority.ToString();
            }

            array.Add(item);
        }

        return array;
    }

    /// <summary>A row's deadline as JSON: a day ("yyyy-MM-dd") or a whole number of working days; null when neither.</summary>
    public static JsonNode? Deadline(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0 ? JsonValue.Create(days)
        : UiFormat.ParseDay(text) is { } day ? JsonValue.Create(UiFormat.IsoDay(day))
        : null;

    /// <summary>A proposal as the row's hidden field carries it.</summary>
    public static string ProposalJson(ProposedItem? proposal) => proposal is null ? "" : JsonSerializer.Serialize(proposal, Json);

    private static ProposedItem? Proposal(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ProposedItem>(text, Json);
        }
        catch (JsonException)
        {
            // A tampered hidden field only loses the hints; the row's own fields are what is issued.
            return null;
        }
    }

    /// <summary>Each ticked "entry|code" replaces the entry it was found for (a second pick for it adds that unit too).</summary>
    private static void ApplySupportingPicks(ItemRow row, IEnumerable<string> picks)
    {
        var entries = row.SupportingEntries.ToList();
        foreach (var pick in picks)
        {
            var bar = pick.LastIndexOf('|');
            if (bar <= 0)
            {
                continue;
            }

            var (entry, code) = (pick[..bar], pick[(bar + 1)..]);
            var at = entries.IndexOf(entry);
            if (at >= 0)
            {
                entries[at] = code;
            }
            else if (!entries.Contains(code))
            {
                entries.Add(code);
            }
        }

        row.Supporting = string.Join(", ", entries.Distinct(StringComparer.Ordinal));
    }

    private static Dictionary<string, string> CodesByName(string field)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0)
            {
                codes.TryAdd(pair[(equals + 1)..].Trim(), pair[..equals].Trim());
            }
        }

        return codes;
    }

    /// <summary>A unit's name shown in a field back to its code; anything else (a code typed, words to search) as it is.</summary>
    private static string Code(Dictionary<string, string> codes, string shown) => codes.GetValueOrDefault(shown) ?? shown;

    private static string[] Entries(string text) => text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int? Index(string op, string prefix) =>
        op.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(op.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;

    private static string Text(IFormCollection form, int index, string part) => form[Field(index, part)].ToString().Trim();
}
