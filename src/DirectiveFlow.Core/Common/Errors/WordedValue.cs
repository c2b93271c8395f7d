namespace DirectiveFlow.Core.Common.Errors;

/// <summary>
/// A member of a problem's <see cref="ProblemException.Extensions"/> whose content depends on the reader's language
/// (e.g. a list of errors, each with its message): the web layer asks for it in the language of the answer.
/// </summary>
public sealed class WordedValue(Func<bool, object?> word)
{
    /// <summary>The value worded in English or Vietnamese.</summary>
    public object? For(bool english) => word(english);
}
