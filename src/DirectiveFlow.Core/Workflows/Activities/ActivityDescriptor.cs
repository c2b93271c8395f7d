using System.Text.Json.Serialization;
using DirectiveFlow.Core.Workflows.Activities.Words;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// What an activity type is, for the validator and the studio palette: fixed outcome ports, whether more outcomes can
/// be configured (a UnitTask's <c>outcomes</c>), its property fields, and whether it blocks (waits for people or time)
/// or runs straight through. Its name and description come from the word catalogues (<see cref="Words"/>, keys
/// <c>&lt;Type&gt;.Name</c> and <c>&lt;Type&gt;.Description</c>); the API gives them in both languages.
/// </summary>
public sealed record ActivityDescriptor(
    string Type,
    [property: JsonPropertyOrder(1)] IReadOnlyList<string> FixedOutcomes,
    [property: JsonPropertyOrder(1)] bool HasConfigurableOutcomes,
    [property: JsonPropertyOrder(1)] IReadOnlyList<PropertyField> Fields,
    [property: JsonPropertyOrder(1)] bool IsBlocking)
{
    /// <summary>Where the type stands in the catalog and the studio palette (lower first; ties by type name).</summary>
    [JsonIgnore]
    public int Order { get; init; } = 1000;

    /// <summary>The catalogues the type's words come from (this assembly's, unless the type brings its own).</summary>
    [JsonIgnore]
    public ActivityWordBook Words { get; init; } = ActivityWordBook.BuiltIn;

    public string DisplayNameVi => DisplayName(english: false);

    public string DisplayNameEn => DisplayName(english: true);

    public string DescriptionVi => Description(english: false);

    public string DescriptionEn => Description(english: true);

    public string DisplayName(bool english) => Words.Text(Type + ".Name", english);

    public string Description(bool english) => Words.Text(Type + ".Description", english);
}
