using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Workflows.Activities;
using DirectiveFlow.Core.Workflows.Expressions;

namespace DirectiveFlow.Core.Workflows.Validation;

/// <summary>
/// Checks a definition against the JSON Schema and the graph rules (one Start, everything reachable from it, no
/// dangling connection, outcomes that exist, a deadline on every UnitTask, Reviews right after their task with the
/// rework path going back to it, no other cycle, Cascades with a body and a Done, conditions that compile and do not
/// run away) and returns every error found, each with the activity and path it concerns. Thread-safe.
/// </summary>
public sealed class WorkflowValidator(ConditionEvaluator conditions, ActivityCatalog catalog)
{
    /// <summary>A validator of the built-in activity types, for code without a service container.</summary>
    public WorkflowValidator()
        : this(new ConditionEvaluator(), ActivityCatalog.BuiltIn)
    {
    }

    /// <summary>Why a definition of <paramref name="bytes"/> is refused, in KB/MB as the reader writes numbers.</summary>
    public static ErrorMessage TooLarge(long bytes) =>
        new(ErrorCodes.WorkflowTooLarge, new ByteSize(bytes), new ByteSize(InputLimits.WorkflowDefinitionBytes));

    /// <summary>Validates raw JSON text, as imported or posted by the studio.</summary>
    public WorkflowValidationResult Validate(string json)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(json) is var bytes && bytes > InputLimits.WorkflowDefinitionBytes)
        {
            return Fail(ValidationCodes.DefinitionTooLarge, TooLarge(bytes));
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: WorkflowDefinitionSerializer.DocumentOptions);
        }
        catch (JsonException e)
        {
            return Fail(ValidationCodes.InvalidJson, e.LineNumber is { } line
                ? new ErrorMessage(ErrorCodes.WorkflowNotJsonAt, line + 1, e.BytePositionInLine + 1, e.Message)
                : new ErrorMessage(ErrorCodes.WorkflowNotJson, e.Message));
        }

        if (root is not JsonObject)
        {
            return Fail(ValidationCodes.InvalidJson, new ErrorMessage(ErrorCodes.WorkflowNotObject));
        }

        var schemaErrors = WorkflowSchema.Evaluate(JsonSerializer.SerializeToElement(root));
        WorkflowDefinition? definition = null;
        try
        {
            definition = root.Deserialize<WorkflowDefinition>(WorkflowDefinitionSerializer.Options);
        }
        catch (JsonException e) when (schemaErrors.Count > 0)
        {
            _ = e; // the schema errors below already say what is wrong, more precisely
        }
        catch (JsonException e)
        {
            return Fail(ValidationCodes.InvalidJson, new ErrorMessage(ErrorCodes.WorkflowNotDefinition, e.Message));
        }

        var errors = new ErrorList(definition);
        foreach (var (pointer, message) in schemaErrors)
        {
            errors.Add(ValidationCodes.Schema, new ErrorMessage(ErrorCodes.WorkflowSchema, pointer.Length == 0 ? "/" : pointer, message),
                ActivityAt(definition, pointer), pointer);
        }

        if (definition is not null && NullElements(definition).ToList() is { Count: > 0 } nulls)
        {
            // The rules below read every element; a null one is reported where it is and nothing else is checked.
            foreach (var pointer in nulls.Where(p => !errors.Items.Any(e => e.Path == p)))
            {
                errors.Add(ValidationCodes.Schema, new ErrorMessage(ErrorCodes.WorkflowNullElement, pointer), path: pointer);
            }

            return new WorkflowValidationResult(errors.Items, definition);
        }

        if (definition is not null)
        {
            if (TextRules.Line(definition.Name, InputLimits.NameLength) is { } badName)
            {
                errors.Add(ValidationCodes.InvalidText, new ErrorMessage(ErrorCodes.WorkflowName, badName), path: "/name");
            }

            CheckIssuers(definition.Issuers, errors);
            CheckPolicies(definition, errors);
            new GraphRules(definition, errors, conditions, catalog).Run();
        }

        return new WorkflowValidationResult(errors.Items, definition);
    }

    /// <summary>Validates a definition already in memory (schema included, through its canonical JSON).</summary>
    public WorkflowValidationResult Validate(WorkflowDefinition definition) =>
        Validate(WorkflowDefinitionSerializer.Serialize(definition));

    /// <summary>The issuers may name only the pillars and levels that exist (unit codes are checked when issuing).</summary>
    private static void CheckIssuers(WorkflowIssuers? issuers, ErrorList errors)
    {
        var pillars = issuers?.Pillars ?? [];
        for (var i = 0; i < pillars.Count; i++)
        {
            if (!UnitVocabulary.TryParsePillar(pillars[i], out _))
            {
                errors.Add(ValidationCodes.InvalidIssuers, new ErrorMessage(ErrorCodes.WorkflowIssuerPillar, pillars[i],
                    string.Join(", ", UnitVocabulary.PillarNames)), path: $"/issuers/pillars/{i}");
            }
        }

        var levels = issuers?.Levels ?? [];
        for (var i = 0; i < levels.Count; i++)
        {
            if (!UnitVocabulary.TryParseLevel(levels[i], out _))
            {
                errors.Add(ValidationCodes.InvalidIssuers, new ErrorMessage(ErrorCodes.WorkflowIssuerLevel, levels[i],
                    string.Join(", ", UnitVocabulary.LevelNamesList)), path: $"/issuers/levels/{i}");
            }
        }
    }

    /// <summary>The flow-wide policies are read as the engine reads them when it issues a directive, so a ladder it
    /// would refuse then (steps out of order, a day count out of range) is refused now, at its path.</summary>
    private static void CheckPolicies(WorkflowDefinition definition, ErrorList errors)
    {
        try
        {
            _ = FlowPolicies.From(definition);
        }
        catch (ActivityPropertiesException e) when (!errors.HasErrorUnder("/policies"))
        {
            var path = e.Path is null ? "/policies" : PropertyPointer.Of(e.Path);
            errors.Add(ValidationCodes.InvalidPolicies, new ErrorMessage(ErrorCodes.WorkflowPolicies, e.Problem), path: path);
        }
        catch (ActivityPropertiesException)
        {
            // the schema already reported what is wrong with the policies
        }
    }

    /// <summary>The pointers of null elements in the definition's lists (<c>"activities": [null]</c>), which the
    /// serializer lets through where it refuses a null property.</summary>
    private static IEnumerable<string> NullElements(WorkflowDefinition definition)
    {
        IEnumerable<string> In<T>(string pointer, IReadOnlyList<T?>? list)
            where T : class =>
            (list ?? []).Select((item, i) => (item, i)).Where(p => p.item is null).Select(p => $"{pointer}/{p.i}");

        return In("/inputs", definition.Inputs)
            .Concat(In("/activities", definition.Activities))
            .Concat(In("/connections", definition.Connections))
            .Concat(In("/issuers/pillars", definition.Issuers?.Pillars))
            .Concat(In("/issuers/levels", definition.Issuers?.Levels))
            .Concat(In("/issuers/units", definition.Issuers?.Units));
    }

    private static WorkflowValidationResult Fail(string code, ErrorMessage message) =>
        new([new WorkflowValidationError(code, message)], null);

    private static string? ActivityAt(WorkflowDefinition? definition, string pointer)
    {
        const string prefix = "/activities/";
        if (definition is null || !pointer.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = pointer[prefix.Length..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        return int.TryParse(end < 0 ? rest : rest[..end], out var index) && index < definition.Activities.Count
            ? definition.Activities[index]?.Id
            : null;
    }
}
