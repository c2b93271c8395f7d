using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// The progress-report cadence a UnitTask requires: <c>"none"</c>, <c>"daily"</c>, <c>"weekly"</c>, or
/// <c>{"input": "name"}</c> naming a directive input that holds one of those words.
/// </summary>
public sealed record CadenceSpec(ProgressCadence Fixed, string? Input = null)
{
    public static CadenceSpec None { get; } = new(ProgressCadence.None);

    /// <summary>The cadence for a directive with <paramref name="inputs"/>; an absent or unknown input value means none.</summary>
    public ProgressCadence Resolve(JsonObject? inputs)
    {
        if (Input is null)
        {
            return Fixed;
        }

        var value = inputs?[Input];
        return value?.GetValueKind() == JsonValueKind.String && TryParse(value.GetValue<string>(), out var cadence)
            ? cadence
            : ProgressCadence.None;
    }

    public static bool TryParse(string text, out ProgressCadence cadence) =>
        Enum.TryParse(text, ignoreCase: true, out cadence) && Enum.IsDefined(cadence) && !int.TryParse(text, out _);

    internal static CadenceSpec Read(PropertyReader parent, string name)
    {
        var node = parent.Node?[name];
        if (node is null)
        {
            return None;
        }

        if (node is JsonObject)
        {
            var input = parent.Object(name).String("input")
                ?? throw new ActivityPropertiesException(parent.PathOf(name) + ".input", ErrorCodes.PropertyRequired);
            return new CadenceSpec(ProgressCadence.None, input);
        }

        var text = parent.String(name)!;
        return TryParse(text, out var cadence)
            ? new CadenceSpec(cadence)
            : throw new ActivityPropertiesException(parent.PathOf(name), ErrorCodes.PropertyOneOf, "none, daily, weekly, {\"input\": \"name\"}");
    }
}
