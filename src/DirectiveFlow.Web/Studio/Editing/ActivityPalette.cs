using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Web.Localization;

namespace DirectiveFlow.Web.Studio.Editing;

/// <summary>The palette's entries and each node's summary line, as the registered activity types give them: the
/// engine's catalog names the types and their starting properties; their names, hints and summaries come from the
/// activity word catalogues in the user's language.</summary>
public sealed class ActivityPalette(ActivityCatalog catalog)
{
    public sealed record Entry(ActivityDescriptor Descriptor, Func<JsonObject> Defaults)
    {
        public string Type => Descriptor.Type;

        public string Label => Descriptor.DisplayName(UiText.IsEnglish);

        public string Hint => Descriptor.Description(UiText.IsEnglish);
    }

    public IReadOnlyList<Entry> Entries { get; } = catalog.Handlers.Select(h => new Entry(h.Descriptor, h.StudioDefaults)).ToList();

    public Entry? Find(string type) => Entries.FirstOrDefault(e => e.Type == type);

    public string LabelOf(string type) => Find(type)?.Label ?? type;

    /// <summary>The one-line summary a node shows under its name (deadline, targets, condition, …), in the user's language.</summary>
    public string SummaryOf(string type, JsonObject properties) =>
        catalog.FindHandler(type)?.Summary(properties).Text(UiText.IsEnglish) ?? "";
}
