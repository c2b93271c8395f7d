using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>Reads typed values out of a JSON object, naming the exact path when a value has the wrong shape.</summary>
internal readonly struct PropertyReader(JsonObject? node, string path)
{
    public JsonObject? Node => node;

    public string PathOf(string name) => path.Length == 0 ? name : $"{path}.{name}";

    public bool Has(string name) => node?[name] is not null;

    public PropertyReader Object(string name)
    {
        var value = node?[name];
        return value switch
        {
            null => new PropertyReader(null, PathOf(name)),
            JsonObject o => new PropertyReader(o, PathOf(name)),
            _ => throw new ActivityPropertiesException(PathOf(name), ErrorCodes.PropertyObject),
        };
    }

    public string? String(string name)
    {
        var value = node?[name];
        if (value is null)
        {
            return null;
        }

        return value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new ActivityPropertiesException(PathOf(name), ErrorCodes.PropertyString);
    }

    public int? Int(string name)
    {
        var value = node?[name];
        if (value is null)
        {
            return null;
        }

        return TryInt(value) ?? throw new ActivityPropertiesException(PathOf(name), ErrorCodes.PropertyWholeNumber);
    }

    public bool? Bool(string name)
    {
        var value = node?[name];
        return value?.GetValueKind() switch
        {
            null => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ActivityPropertiesException(PathOf(name), ErrorCodes.PropertyBoolean),
        };
    }

    public IReadOnlyList<string>? Strings(string name)
    {
        var value = node?[name];
        if (value is null)
        {
            return null;
        }

        if (value is not JsonArray array)
        {
            throw new ActivityPropertiesException(PathOf(name), ErrorCodes.PropertyStrings);
        }

        var result = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            result.Add(array[i]?.GetValueKind() == JsonValueKind.String
                ? array[i]!.GetValue<string>()
                : throw new ActivityPropertiesException($"{PathOf(name)}[{i}]", ErrorCodes.PropertyString));
        }

        return result;
    }

    public IReadOnlyList<int>? Ints(string name)
    {
        var value = node?[name];
        if (value is null)
        {
            return null;
        }

        if (value is not JsonArray array)
        {
            throw new ActivityPropertiesException(PathOf(name), ErrorCodes.PropertyWholeNumbers);
        }

        var result = new List<int>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            result.Add((array[i] is { } item ? TryInt(item) : null)
                ?? throw new ActivityPropertiesException($"{PathOf(name)}[{i}]", ErrorCodes.PropertyWholeNumber));
        }

        return result;
    }

    /// <summary>A whole number of working days from <paramref name="min"/> to <see cref="InputLimits.MaxWorkingDays"/>:
    /// a larger count overflows the working-day calendar when a task's reminders or ladder are planned.</summary>
    public int? WorkingDays(string name, int min)
    {
        var days = Int(name);
        return days is null || InWorkingDayRange(days.Value, min) ? days : throw WorkingDaysOutOfRange(PathOf(name), min);
    }

    /// <summary>An array of working-day counts, each as <see cref="WorkingDays"/> reads one.</summary>
    public IReadOnlyList<int>? WorkingDaysEach(string name, int min)
    {
        var days = Ints(name);
        for (var i = 0; i < (days?.Count ?? 0); i++)
        {
            if (!InWorkingDayRange(days![i], min))
            {
                throw WorkingDaysOutOfRange($"{PathOf(name)}[{i}]", min);
            }
        }

        return days;
    }

    public JsonArray? Array(string name)
    {
        var value = node?[name];
        return value switch
        {
            null => null,
            JsonArray a => a,
            _ => throw new ActivityPropertiesException(PathOf(name), ErrorCodes.PropertyArray),
        };
    }

    private static bool InWorkingDayRange(int days, int min) => days >= min && days <= InputLimits.MaxWorkingDays;

    private static ActivityPropertiesException WorkingDaysOutOfRange(string path, int min) =>
        new(path, ErrorCodes.PropertyRange, min, InputLimits.MaxWorkingDays);

    /// <summary>The value of a JSON number node, whether parsed from text or built in code from any numeric type.</summary>
    internal static double NumberOf(JsonNode value) =>
        double.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    private static int? TryInt(JsonNode value)
    {
        if (value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        var number = NumberOf(value);
        return number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;
    }
}
