namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// What an activity type is, for the validator and the studio palette: display names, fixed outcome ports,
/// whether more outcomes can be configured (a UnitTask's <c>outcomes</c>), its property fields, and whether it
/// blocks (waits for people or time) or runs straight through.
/// </summary>
public sealed record ActivityDescriptor(
    string Type,
    string DisplayNameVi,
    string DisplayNameEn,
    string DescriptionVi,
    string DescriptionEn,
    IReadOnlyList<string> FixedOutcomes,
    bool HasConfigurableOutcomes,
    IReadOnlyList<PropertyField> Fields,
    bool IsBlocking)
{
    /// <summary>Where the type stands in the catalog and the studio palette (lower first; ties by type name).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Order { get; init; } = 1000;
}
