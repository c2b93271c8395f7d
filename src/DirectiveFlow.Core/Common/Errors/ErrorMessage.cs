namespace DirectiveFlow.Core.Common.Errors;

/// <summary>
/// A message for people, kept as a stable <see cref="Code"/> (see <see cref="ErrorCodes"/>) and the values that fill
/// its placeholders; the reader's language picks the text from <see cref="ErrorText"/> when it is shown.
/// </summary>
public sealed record ErrorMessage(string Code, params object?[] Args)
{
    /// <summary>The text in English or Vietnamese.</summary>
    public string Text(bool english) => ErrorText.Format(this, english);

    public override string ToString() => Text(english: true);
}
