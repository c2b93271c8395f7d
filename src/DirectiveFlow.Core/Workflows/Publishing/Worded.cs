using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Core.Workflows.Publishing;

/// <summary>A short text already worded in both languages (a property's label, a value before or after a change).</summary>
public sealed record Worded(string Vi, string En)
{
    public string Text(bool english) => english ? En : Vi;

    public static Worded Same(string text) => new(text, text);

    public static Worded From(ActivityText text) => new(text.Vi, text.En);

    public static Worded Of(string key) => new(ChangeWords.Book.Text(key, english: false), ChangeWords.Book.Text(key, english: true));

    public override string ToString() => Vi;
}
