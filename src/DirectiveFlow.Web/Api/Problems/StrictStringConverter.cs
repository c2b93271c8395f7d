using System.Text.Json;
using System.Text.Json.Serialization;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>
/// Refuses a JSON string holding NUL or another control character (tab and line breaks aside) as it is read, so no
/// request can carry one to the database (PostgreSQL refuses NUL: a 500) or into a title or an e-mail header. The
/// serializer adds the field's path to the error, and the bad-request handler names it.
/// </summary>
public sealed class StrictStringConverter : JsonConverter<string>
{
    /// <summary>The exception's text (for logs); the answer words it as <c>control-characters</c> in the reader's language.</summary>
    public const string Message = "Must not contain NUL or other control characters.";

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (value is not null && value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
        {
            throw new JsonException(Message);
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
