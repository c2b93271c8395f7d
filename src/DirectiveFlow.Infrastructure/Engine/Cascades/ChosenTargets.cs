using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.Infrastructure.Engine.Runtime;

namespace DirectiveFlow.Infrastructure.Engine.Cascades;

/// <summary>
/// The units the issuer chose for narrowable cascades, kept with the directive's inputs under <see cref="Key"/>:
/// <c>{"$targets": {"&lt;cascade id&gt;": {"unitCodes": [...], "localityCodes": [...]?}}}</c>. <c>unitCodes</c> is
/// the resolved choice the engine honours; <c>localityCodes</c> records the communes when the issuer chose by commune.
/// Kept in the inputs so the choice commits with the directive and survives a crash: a cascade resumed later narrows
/// its targets the same way.
/// </summary>
public static class ChosenTargets
{
    /// <summary>The reserved input key; a declared input cannot take it (input names are identifiers).</summary>
    public const string Key = "$targets";

    /// <summary>The chosen unit codes of <paramref name="activityId"/>, or null when the issuer did not narrow it.</summary>
    public static HashSet<string>? For(JsonObject inputs, string activityId) =>
        inputs[Key]?[activityId]?["unitCodes"] is JsonArray codes
            ? codes.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String)
                .Select(v => v.GetValue<string>()).ToHashSet(StringComparer.Ordinal)
            : null;

    /// <summary>Keeps only the chosen units, in the resolver's order (batches and resumes rely on that order).</summary>
    public static List<TargetUnit> Narrow(List<TargetUnit> targets, JsonObject inputs, string activityId) =>
        For(inputs, activityId) is { } chosen ? targets.Where(t => chosen.Contains(t.Code)).ToList() : targets;

    /// <summary>Records a choice in <paramref name="inputs"/>.</summary>
    public static void Put(JsonObject inputs, string activityId, IEnumerable<string> unitCodes, IEnumerable<string>? localityCodes)
    {
        if (inputs[Key] is not JsonObject all)
        {
            all = [];
            inputs[Key] = all;
        }

        var choice = new JsonObject { ["unitCodes"] = new JsonArray(unitCodes.Select(c => (JsonNode?)c).ToArray()) };
        if (localityCodes is not null)
        {
            choice["localityCodes"] = new JsonArray(localityCodes.Select(c => (JsonNode?)c).ToArray());
        }

        all[activityId] = choice;
    }

    /// <summary>Splits stored inputs into the flow's own inputs and the choices (null when none).</summary>
    public static (JsonObject Inputs, JsonObject? Targets) Split(JsonObject stored)
    {
        var inputs = stored.DeepClone().AsObject();
        var targets = inputs[Key] as JsonObject;
        inputs.Remove(Key);
        return (inputs, targets?.DeepClone().AsObject());
    }
}
