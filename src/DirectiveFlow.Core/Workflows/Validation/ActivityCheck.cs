using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Expressions;

namespace DirectiveFlow.Core.Workflows.Validation;

/// <summary>
/// What an activity type's <see cref="IActivityHandler.Check"/> sees: the activity (at <see cref="Index"/> in the
/// definition), the properties its handler read, the whole definition, and ways to report an error about it.
/// </summary>
public sealed class ActivityCheck
{
    private readonly ErrorList _errors;
    private readonly Dictionary<string, int> _index;
    private readonly HashSet<string> _inputs;

    internal ActivityCheck(WorkflowDefinition definition, int index, object? properties, ErrorList errors,
        ConditionEvaluator conditions, Dictionary<string, int> activityIndex, HashSet<string> inputs)
    {
        Definition = definition;
        Index = index;
        Properties = properties;
        Conditions = conditions;
        _errors = errors;
        _index = activityIndex;
        _inputs = inputs;
    }

    public WorkflowDefinition Definition { get; }

    public int Index { get; }

    public ActivityDefinition Activity => Definition.Activities[Index];

    /// <summary>The typed properties the handler read (null when the type has none).</summary>
    public object? Properties { get; }

    public ConditionEvaluator Conditions { get; }

    /// <summary>The properties as <typeparamref name="T"/>.</summary>
    public T PropertiesAs<T>()
        where T : class => Properties as T ?? throw new InvalidOperationException($"Activity '{Activity.Id}' has no {typeof(T).Name}.");

    /// <summary>Reports an error about this activity, at <paramref name="subPath"/> inside it (e.g. <c>/properties/condition</c>).</summary>
    public void Error(string code, ErrorMessage message, string? subPath = null) =>
        _errors.AddForActivity(Index, code, message, subPath);

    /// <summary>Reports a reference to a directive input the flow does not declare.</summary>
    public void Input(string? input, string path)
    {
        if (input is not null && !_inputs.Contains(input))
        {
            Error(ValidationCodes.UnknownInput, new ErrorMessage(ErrorCodes.WorkflowUnknownInput, input), path);
        }
    }

    /// <summary>Reports each placeholder of <paramref name="text"/> that the engine would not fill (left as written in
    /// every task or email: <c>{{directive.tittle}}</c>) and each <c>{{inputs.x}}</c> of an undeclared input (filled empty).</summary>
    public void Template(string? text, string path)
    {
        foreach (var (written, key) in TemplatePlaceholders.In(text))
        {
            if (key is not null && key.StartsWith(TemplatePlaceholders.InputPrefix, StringComparison.Ordinal))
            {
                Input(key[TemplatePlaceholders.InputPrefix.Length..], path);
            }
            else if (key is null || !TemplatePlaceholders.Known.Contains(key, StringComparer.Ordinal))
            {
                Error(ValidationCodes.UnknownPlaceholder, new ErrorMessage(ErrorCodes.WorkflowUnknownPlaceholder, written,
                    string.Join(", ", TemplatePlaceholders.Known.Select(k => "{{" + k + "}}"))), path);
            }
        }
    }

    /// <summary>Reports an items selector whose input is not declared, or not of type "items".</summary>
    public void ItemsInput(string? input, string path)
    {
        if (input is null)
        {
            return;
        }

        if (!_inputs.Contains(input))
        {
            Input(input, path);
        }
        else if (Definition.Inputs.FirstOrDefault(i => i.Name == input) is { Type: not WorkflowInput.ItemsType })
        {
            Error(ValidationCodes.ItemsInputType, new ErrorMessage(ErrorCodes.WorkflowItemsInputType, Activity.Id, input), path);
        }
    }

    /// <summary>Whether some connection leaves this activity through <paramref name="outcome"/>.</summary>
    public bool IsConnected(string outcome) =>
        Definition.Connections.Any(c => c.Source == Activity.Id && c.Outcome == outcome);

    /// <summary>The activity <paramref name="id"/> names, when the definition has it.</summary>
    public ActivityDefinition? ActivityById(string id) =>
        _index.TryGetValue(id, out var i) ? Definition.Activities[i] : null;
}
