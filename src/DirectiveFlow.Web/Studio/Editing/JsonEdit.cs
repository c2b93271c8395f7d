using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DirectiveFlow.Web.Studio.Editing;

/// <summary>Small, tolerant reads and writes of activity properties as the editors need them.</summary>
public static class JsonEdit
{
    public static string? Text(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static int? Int(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) ? i
        : o?[key] is JsonValue d && d.GetValueKind() == JsonValueKind.Number ? (int)d.GetValue<double>() : null;

    public static bool Bool(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public static List<string> Strings(JsonObject? o, string key) =>
        o?[key] is JsonArray a ? a.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList() : [];

    public static List<int> Ints(JsonObject? o, string key) =>
        o?[key] is JsonArray a ? a.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.Number).Select(v => (int)v.GetValue<double>()).ToList() : [];

    public static JsonObject? Object(JsonObject? o, string key) => o?[key] as JsonObject;

    /// <summary>Sets a value, or removes the key when <paramref name="value"/> is null or blank text.</summary>
    public static void Set(JsonObject o, string key, JsonNode? value)
    {
        if (value is null || (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>())))
        {
            o.Remove(key);
        }
        else
        {
            o[key] = value;
        }
    }

    public static JsonArray ArrayOf(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    public static JsonArray ArrayOf(IEnumerable<int> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());

    /// <summary>
    /// "2, 1" → [2, 1]. False, with the first piece that is not a whole number of at least 1 in <paramref name="bad"/>,
    /// when the text holds anything else: the editor reports it instead of dropping it.
    /// </summary>
    public static bool TryParseDays(string? text, out List<int> days, out string? bad)
    {
        days = [];
        bad = null;
        foreach (var piece in (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(piece, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                bad = piece;
                days = [];
                return false;
            }

            days.Add(n);
        }

        return true;
    }
}
