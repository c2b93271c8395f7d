using System.Text.Json.Serialization;
using DirectiveFlow.Core.Workflows.Activities.Words;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>One property of an activity type, for the studio's property panel: the JSON key inside
/// <c>properties</c>, the key of its label in the word catalogues (<see cref="Words"/>), the editor kind, whether it is
/// required, and fixed choices. The API gives the label in both languages.</summary>
public sealed record PropertyField(
    string Name,
    [property: JsonIgnore] string LabelKey,
    [property: JsonPropertyOrder(1)] PropertyFieldKind Kind,
    [property: JsonPropertyOrder(1)] bool Required = false,
    [property: JsonPropertyOrder(1)] IReadOnlyList<string>? Options = null)
{
    /// <summary>The catalogues the label comes from (this assembly's, unless the type brings its own).</summary>
    [JsonIgnore]
    public ActivityWordBook Words { get; init; } = ActivityWordBook.BuiltIn;

    public string LabelVi => Label(english: false);

    public string LabelEn => Label(english: true);

    public string Label(bool english) => Words.Text(LabelKey, english);
}
