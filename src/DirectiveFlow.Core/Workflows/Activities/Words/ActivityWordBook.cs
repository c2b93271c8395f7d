using System.Globalization;

namespace DirectiveFlow.Core.Workflows.Activities.Words;

/// <summary>
/// The words of activity types (names, descriptions, field labels, summaries), one catalogue per language looked up by
/// key: <see cref="BuiltIn"/> for this assembly's types (<see cref="ActivityWordsVi"/>, <see cref="ActivityWordsEn"/>);
/// a type from another assembly brings its own book. A key missing from a catalogue shows as the key, so a gap is
/// visible, never blank.
/// </summary>
public sealed class ActivityWordBook(IReadOnlyDictionary<string, string> vi, IReadOnlyDictionary<string, string> en)
{
    public static ActivityWordBook BuiltIn { get; } = new(ActivityWordsVi.All, ActivityWordsEn.All);

    public IReadOnlyDictionary<string, string> Vi => vi;

    public IReadOnlyDictionary<string, string> En => en;

    /// <summary>The text of <paramref name="key"/> in English or Vietnamese, its <c>{n}</c> placeholders filled with <paramref name="args"/>.</summary>
    public string Text(string key, bool english, params object?[] args)
    {
        var template = (english ? en : vi).TryGetValue(key, out var found) ? found : key;
        return args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
    }
}
