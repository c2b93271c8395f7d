using System.Text.Json.Nodes;
using System.Text.Json;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Infrastructure.Directives.Commands;

/// <summary>
/// Checks a directive's inputs against the flow's declared inputs and fills defaults (and <c>priority</c>): an input
/// the flow does not declare, a number that is not one, a deadline outside 0–<see cref="InputLimits.MaxWorkingDays"/>
/// working days or a unit input that is not a code (or list of codes) is refused under <c>inputs.{name}</c>.
/// </summary>
public static class DirectiveInputs
{
    /// <summary>Always accepted: the engine fills it from the directive's priority.</summary>
    private const string Priority = "priority";

    /// <param name="issuerDefaults">Unit-input defaults that differ for this issuer (<see cref="Issuing.IssuerUnitDefaults"/>); a null entry means no default for this issuer.</param>
    public static void Complete(
        WorkflowDefinition flow, JsonObject inputs, DirectivePriority priority, FieldErrors errors, IReadOnlyDictionary<string, JsonNode?>? issuerDefaults = null)
    {
        var declared = flow.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, _) in inputs.Where(p => !declared.Contains(p.Key) && p.Key != Priority))
        {
            errors.Add($"inputs.{name}", ErrorCodes.UndeclaredInput, name, declared.Count == 0 ? new ErrorMessage(ErrorCodes.NoInputs) : string.Join(", ", declared));
        }

        var deadlines = DeadlineInputs.Of(flow);
        foreach (var input in flow.Inputs)
        {
            var value = inputs[input.Name];
            // An issuer's own default replaces the flow's, and a null one means none: the flow's names a unit this issuer
            // cannot reach, and the form showed the field empty, so a refusal must not name a code the issuer never saw.
            var fallback = issuerDefaults is not null && issuerDefaults.TryGetValue(input.Name, out var own) ? own : input.Default;
            if (IsEmpty(value) && fallback is not null)
            {
                inputs[input.Name] = fallback.DeepClone();
                continue;
            }

            if (IsEmpty(value))
            {
                if (input.Required)
                {
                    errors.Add($"inputs.{input.Name}", ErrorCodes.InputRequired, input.Label ?? input.Name);
                }

                continue;
            }

            if (Problem(input, value!, deadlines.Contains(input.Name)) is { } problem)
            {
                errors.Report($"inputs.{input.Name}", problem);
            }
        }

        inputs[Priority] ??= priority.ToString();
    }

    /// <summary>The unit codes each unit-type input holds (after <see cref="Complete"/>), to be checked against the units.</summary>
    public static IEnumerable<(string Input, string Code)> UnitCodes(WorkflowDefinition flow, JsonObject inputs) =>
        flow.Inputs.Where(i => i.Type == "unit").SelectMany(i => inputs[i.Name] switch
        {
            JsonArray array => array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => (i.Name, v.GetValue<string>())),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => [(i.Name, v.GetValue<string>())],
            _ => [],
        });

    private static ErrorMessage? Problem(WorkflowInput input, JsonNode value, bool isDeadline)
    {
        if (isDeadline && DeadlineSpec.WorkingDaysIn(value) is null)
        {
            return new ErrorMessage(ErrorCodes.InputWorkingDays, input.Name, InputLimits.MaxWorkingDays);
        }

        return input.Type switch
        {
            "number" when !IsNumber(value) => new ErrorMessage(ErrorCodes.InputNumber, input.Name),
            "unit" when !IsUnitCodes(value) => new ErrorMessage(ErrorCodes.InputUnitCodes, input.Name),
            _ => StringProblem(input.Name, value),
        };
    }

    private static ErrorMessage? StringProblem(string name, JsonNode value) =>
        value.GetValueKind() == JsonValueKind.String && TextRules.Paragraphs(value.GetValue<string>(), InputLimits.NoteLength) is { } reason
            ? new ErrorMessage(ErrorCodes.InputText, name, reason)
            : null;

    private static bool IsEmpty(JsonNode? value) =>
        value is null || (value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetValue<string>()));

    private static bool IsNumber(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number
        || (value.GetValueKind() == JsonValueKind.String && double.TryParse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));

    private static bool IsUnitCodes(JsonNode value) => value switch
    {
        JsonArray array => array.Count > 0 && array.All(v => v?.GetValueKind() == JsonValueKind.String),
        _ => value.GetValueKind() == JsonValueKind.String,
    };
}
