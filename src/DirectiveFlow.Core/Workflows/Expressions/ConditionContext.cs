using System.Text.Json.Nodes;

namespace DirectiveFlow.Core.Workflows.Expressions;

/// <summary>
/// What a condition sees: <c>inputs</c> (the directive's inputs), <c>directive {number, title, priority}</c>,
/// <c>unit {code, name, pillar, level}</c> (the branch's unit, or null at the top level) and <c>now</c> (ISO 8601 string).
/// </summary>
public sealed record ConditionContext(JsonObject? Inputs, ConditionDirective? Directive, ConditionUnit? Unit, DateTimeOffset Now)
{
    internal string ToJson() => new JsonObject
    {
        ["inputs"] = Inputs?.DeepClone() ?? new JsonObject(),
        ["directive"] = Directive is null ? null : new JsonObject
        {
            ["number"] = Directive.Number,
            ["title"] = Directive.Title,
            ["priority"] = Directive.Priority,
        },
        ["unit"] = Unit is null ? null : new JsonObject
        {
            ["code"] = Unit.Code,
            ["name"] = Unit.Name,
            ["pillar"] = Unit.Pillar,
            ["level"] = Unit.Level,
        },
        ["now"] = Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    }.ToJsonString();
}
