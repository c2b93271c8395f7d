using System.Text.Json;
using System.Text.RegularExpressions;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>
/// Says what is wrong with a JSON body, as a code worded in the reader's language, and which field it concerns: the
/// serializer's path without its <c>$.</c> (<c>inputs.deadlineDays</c>), or <c>$</c> for the body as a whole.
/// </summary>
public static partial class JsonErrorText
{
    public const string Root = "$";

    public static (string Field, ErrorMessage Message) Describe(JsonException error)
    {
        var text = error.InnerException?.Message + " " + error.Message;
        var field = FieldOf(error.Path);
        if (DuplicatePattern().Match(text) is { Success: true } duplicate)
        {
            var key = duplicate.Groups[1].Value;
            var where = field == Root || field.EndsWith(key, StringComparison.Ordinal) ? field : $"{field}.{key}";
            return (where == Root ? key : where, new ErrorMessage(ErrorCodes.DuplicateKey, key));
        }

        var code = Contains(text, "does not contain any JSON tokens") ? ErrorCodes.EmptyBody
            : Contains(text, "maximum configured depth") ? ErrorCodes.JsonTooDeep
            : Contains(text, "invalid UTF-8") || Contains(text, "transcode") ? ErrorCodes.NotUtf8
            : Contains(text, "surrogate") || Contains(text, "UTF-16") ? ErrorCodes.BrokenUnicode
            : error.Message == StrictStringConverter.Message ? ErrorCodes.ControlCharacters
            : error.Message == StrictJsonObjectConverter.Message ? ErrorCodes.JsonObjectExpected
            : null;
        var message = code is not null ? new ErrorMessage(code)
            : ConvertPattern().Match(text) is { Success: true } convert
            ? new ErrorMessage(ErrorCodes.WrongType, ClrTypeText.Expected(convert.Groups[1].Value, field == Root ? null : field))
            : error.LineNumber is { } line
            ? new ErrorMessage(ErrorCodes.MalformedJsonAt, line + 1, (error.BytePositionInLine ?? 0) + 1)
            : new ErrorMessage(ErrorCodes.MalformedJson);
        return (field, message);
    }

    /// <summary><c>$.inputs.deadlineDays</c> → <c>inputs.deadlineDays</c>; <c>$</c> or nothing → <c>$</c>.</summary>
    public static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == Root ? Root : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.Ordinal);

    [GeneratedRegex("Duplicate property '([^']*)'")]
    private static partial Regex DuplicatePattern();

    [GeneratedRegex(@"could not be converted to (\S+?)\.?(?:\s|$)")]
    private static partial Regex ConvertPattern();
}
