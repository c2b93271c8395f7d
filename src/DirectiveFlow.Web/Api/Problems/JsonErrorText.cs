using System.Text.Json;
using System.Text.RegularExpressions;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>
/// Says what is wrong with a JSON body, in Vietnamese then English, and which field it concerns: the serializer's
/// path without its <c>$.</c> (<c>inputs.deadlineDays</c>), or <c>$</c> for the body as a whole.
/// </summary>
public static partial class JsonErrorText
{
    public const string Root = "$";

    public const string EmptyBody = "Thiếu nội dung JSON. / The body is empty; a JSON object is expected.";

    public static (string Field, string Message) Describe(JsonException error)
    {
        var text = error.InnerException?.Message + " " + error.Message;
        var field = FieldOf(error.Path);
        if (DuplicatePattern().Match(text) is { Success: true } duplicate)
        {
            var key = duplicate.Groups[1].Value;
            var where = field == Root || field.EndsWith(key, StringComparison.Ordinal) ? field : $"{field}.{key}";
            return (where == Root ? key : where, $"Khóa '{key}' xuất hiện hai lần. / The key '{key}' appears more than once.");
        }

        var message = Contains(text, "does not contain any JSON tokens")
            ? EmptyBody
            : Contains(text, "maximum configured depth")
            ? "JSON lồng sâu quá 64 cấp. / JSON nested deeper than 64 levels."
            : Contains(text, "invalid UTF-8") || Contains(text, "transcode")
            ? "Không phải văn bản UTF-8 hợp lệ. / Not valid UTF-8 text."
            : Contains(text, "surrogate") || Contains(text, "UTF-16")
            ? "Ký tự Unicode hỏng (nửa cặp UTF-16). / A broken Unicode character (a lone UTF-16 surrogate)."
            : error.Message is StrictStringConverter.Message or StrictJsonObjectConverter.Message
            ? error.Message
            : ConvertPattern().Match(text) is { Success: true } convert
            ? WrongType(convert.Groups[1].Value, field)
            : $"JSON không hợp lệ{Where(error, " (dòng {0}, vị trí {1})")}. / Malformed JSON{Where(error, " at line {0}, byte {1}")}.";
        return (field, message);
    }

    /// <summary><c>$.inputs.deadlineDays</c> → <c>inputs.deadlineDays</c>; <c>$</c> or nothing → <c>$</c>.</summary>
    public static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == Root ? Root : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string WrongType(string type, string field)
    {
        var (vi, en) = ClrTypeText.Expected(type, field == Root ? null : field);
        return $"Sai kiểu dữ liệu: cần {vi}. / Wrong type: {en} is expected.";
    }

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.Ordinal);

    private static string Where(JsonException error, string format) =>
        error.LineNumber is { } line ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, line + 1, (error.BytePositionInLine ?? 0) + 1) : "";

    [GeneratedRegex("Duplicate property '([^']*)'")]
    private static partial Regex DuplicatePattern();

    [GeneratedRegex(@"could not be converted to (\S+?)\.?(?:\s|$)")]
    private static partial Regex ConvertPattern();
}
