namespace DirectiveFlow.Core.Common.Errors;

/// <summary>Field errors collected while a request is checked: each field's messages, as codes with arguments.</summary>
public sealed class FieldErrors : Dictionary<string, ErrorMessage[]>
{
    public FieldErrors()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Sets <paramref name="field"/>'s message when <paramref name="message"/> is not null.</summary>
    public void Report(string field, ErrorMessage? message)
    {
        if (message is not null)
        {
            this[field] = [message];
        }
    }

    /// <summary>Sets <paramref name="field"/>'s message to <paramref name="code"/> with <paramref name="args"/>.</summary>
    public void Add(string field, string code, params object?[] args) => this[field] = [new ErrorMessage(code, args)];

    /// <summary>Throws one 400 <see cref="ProblemException"/> carrying every field error, when there is any.</summary>
    public void ThrowIfAny()
    {
        if (Count > 0)
        {
            throw ProblemException.Invalid(this);
        }
    }
}
