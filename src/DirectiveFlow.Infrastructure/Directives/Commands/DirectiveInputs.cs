using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Workflows;

namespace DirectiveFlow.Infrastructure.Directives.Commands;

/// <summary>Checks a directive's inputs against the flow's declared inputs and fills defaults (and <c>priority</c>).</summary>
public static class DirectiveInputs
{
    public static void Complete(WorkflowDefinition flow, JsonObject inputs, DirectivePriority priority, Dictionary<string, string[]> errors)
    {
        foreach (var input in flow.Inputs)
        {
            var value = inputs[input.Name];
            if (IsEmpty(value) && input.Default is not null)
            {
                inputs[input.Name] = input.Default.DeepClone();
                continue;
            }

            if (IsEmpty(value))
            {
                if (input.Required)
                {
                    errors[$"inputs.{input.Name}"] = [$"Thiếu thông tin bắt buộc '{input.Label ?? input.Name}'. / Required input '{input.Name}' is missing."];
                }

                continue;
            }

            if (input.Type == "number" && !IsNumber(value!))
            {
                errors[$"inputs.{input.Name}"] = [$"'{input.Name}' phải là số. / '{input.Name}' must be a number."];
            }
        }

        inputs["priority"] ??= priority.ToString();
    }

    private static bool IsEmpty(JsonNode? value) =>
        value is null || (value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetValue<string>()));

    private static bool IsNumber(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number
        || (value.GetValueKind() == JsonValueKind.String && double.TryParse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
}
