using DirectiveFlow.Core.Workflows.Activities.Words;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// A short text an activity type gives the studio (a node's summary): a key of the word catalogues with its arguments
/// (<see cref="Of"/>), a text that is the same in both languages (<see cref="Same"/>: a condition, a duration), or
/// pieces joined (<see cref="Join"/>). Worded when it is shown, in the reader's language.
/// </summary>
public sealed class ActivityText
{
    private readonly string? _key;
    private readonly string _text;
    private readonly object?[] _args;

    private ActivityText(string? key, string text, object?[] args)
    {
        _key = key;
        _text = text;
        _args = args;
    }

    public static ActivityText Empty { get; } = Same("");

    /// <summary>The words of <paramref name="key"/> (see <see cref="ActivityWordBook.BuiltIn"/>), its placeholders
    /// filled with <paramref name="args"/> (an argument that is itself an <see cref="ActivityText"/> is worded alike).</summary>
    public static ActivityText Of(string key, params object?[] args) => new(key, "", args);

    /// <summary>The same text in both languages (a condition, a duration).</summary>
    public static ActivityText Same(string text) => new(null, text, []);

    /// <summary><paramref name="parts"/> one after the other, <paramref name="separator"/> between them.</summary>
    public static ActivityText Join(string separator, IEnumerable<ActivityText> parts) => new(null, separator, [.. parts]);

    public string Vi => Text(english: false);

    public string En => Text(english: true);

    public string Text(bool english)
    {
        var args = _args.Select(a => a is ActivityText inner ? inner.Text(english) : a).ToArray();
        if (_key is not null)
        {
            return ActivityWordBook.BuiltIn.Text(_key, english, args);
        }

        return args.Length == 0 ? _text : string.Join(_text, args);
    }

    public override string ToString() => Vi;
}
