namespace DirectiveFlow.Web.Components.Shared;

/// <summary>
/// Errors of one form keyed by field, shown next to that field. Messages are UI text keys (translated when shown)
/// or, for messages coming from the services' validation, the text itself (a key lookup that misses shows it as is).
/// </summary>
public sealed class FormErrors
{
    /// <summary>The key for errors that belong to the whole form rather than one field.</summary>
    public const string Form = "";

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<string> For(string field) => _errors.TryGetValue(field, out var list) ? list : [];

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>A refused command's reasons, each next to its field, or above the form when it names none.</summary>
    public void Add(DirectiveFlow.Core.Common.Errors.ProblemException problem)
    {
        var english = DirectiveFlow.Web.Localization.UiText.IsEnglish;
        foreach (var (field, messages) in problem.Errors)
        {
            foreach (var message in messages)
            {
                Add(field, message.Text(english));
            }
        }

        if (problem.Errors.Count == 0)
        {
            Add(Form, problem.Problem.Text(english));
        }
    }

    public void Require(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "Error.Required");
        }
    }
}
