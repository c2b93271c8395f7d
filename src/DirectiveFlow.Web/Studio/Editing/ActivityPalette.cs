using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Web.Studio.Editing;

/// <summary>The palette's entries: each engine activity with its Vietnamese label and sensible starting properties.</summary>
public static class ActivityPalette
{
    public sealed record Entry(string Type, string Label, string Hint, Func<JsonObject> Defaults);

    /// <summary>Labels and hints come from the engine's catalog; only the starting properties are the studio's.</summary>
    private static Entry E(string type, Func<JsonObject> defaults)
    {
        var descriptor = ActivityCatalog.Get(type);
        return new Entry(type, descriptor.DisplayNameVi, descriptor.DescriptionVi, defaults);
    }

    public static readonly IReadOnlyList<Entry> Entries =
    [
        E("Start", () => []),
        E("UnitTask", () => new JsonObject
        {
            ["title"] = "Thực hiện {{directive.title}}",
            ["deadline"] = new JsonObject { ["workingDays"] = 5 },
        }),
        E("Cascade", () => new JsonObject
        {
            ["targets"] = new JsonObject { ["counterpartsOf"] = "issuer" },
            ["completion"] = new JsonObject { ["mode"] = "all" },
        }),
        E("Review", () => []),
        E("Decision", () => new JsonObject { ["condition"] = "inputs.priority === 'Urgent'" }),
        E("Delay", () => new JsonObject
        {
            ["deadline"] = new JsonObject { ["workingDays"] = 1 },
        }),
        E("Notify", () => new JsonObject
        {
            ["to"] = "unitHead",
            ["subject"] = "{{directive.number}}: {{directive.title}}",
            ["body"] = "Kính gửi {{unit.name}},",
        }),
        E("End", () => []),
    ];

    public static Entry? Find(string type) => Entries.FirstOrDefault(e => e.Type == type);

    public static string LabelOf(string type) => Find(type)?.Label ?? type;
}
