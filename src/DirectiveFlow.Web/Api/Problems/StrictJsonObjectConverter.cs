using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DirectiveFlow.Web.Api.Problems;

/// <summary>
/// Reads a free-form JSON object (directive inputs, a selector, a deadline) through <see cref="JsonElement"/>, which
/// honours <see cref="JsonSerializerOptions.AllowDuplicateProperties"/>: <c>{"a":1,"a":2}</c> becomes a 400 naming
/// the key. Read directly, a <see cref="JsonObject"/> keeps both keys and throws an ArgumentException (a 500) the
/// first time it is indexed.
/// </summary>
public sealed class StrictJsonObjectConverter : JsonConverter<JsonObject>
{
    /// <summary>The exception's text (for logs); the answer words it as <c>json-object-expected</c> in the reader's language.</summary>
    public const string Message = "A JSON object { … } is expected.";

    public override JsonObject? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonElement element;
        try
        {
            element = JsonSerializer.Deserialize<JsonElement>(ref reader, options);
        }
        catch (JsonException e)
        {
            // Thrown afresh without a path, so the serializer gives it this object's path ($.inputs), not "$".
            throw new JsonException(e.Message, e);
        }

        return element.ValueKind == JsonValueKind.Object
            ? JsonObject.Create(element)
            : throw new JsonException(Message);
    }

    public override void Write(Utf8JsonWriter writer, JsonObject value, JsonSerializerOptions options) => value.WriteTo(writer, options);
}
