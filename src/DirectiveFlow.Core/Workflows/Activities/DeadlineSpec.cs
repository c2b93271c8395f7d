using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using DirectiveFlow.Core.Calendar;

namespace DirectiveFlow.Core.Workflows.Activities;

/// <summary>
/// A deadline as authored: exactly one of <c>{"workingDays": 5}</c>, <c>{"duration": "P3D"}</c> (ISO 8601) or
/// <c>{"input": "deadlineDays"}</c> (a number input counted as working days). The due moment is the end of the
/// working day reached from the moment the task is written, in Asia/Ho_Chi_Minh.
/// </summary>
public sealed record DeadlineSpec
{
    public int? WorkingDays { get; init; }

    /// <summary>The ISO 8601 duration as written (e.g. "P3D", "PT36H").</summary>
    public string? Duration { get; init; }

    /// <summary>The directive input holding a number of working days.</summary>
    public string? Input { get; init; }

    /// <summary>The parsed <see cref="Duration"/>.</summary>
    public TimeSpan? DurationValue => Duration is null ? null : XmlConvert.ToTimeSpan(Duration);

    public static DeadlineSpec? FromJson(JsonObject? json) => json is null ? null : Read(new PropertyReader(json, ""));

    /// <summary>
    /// The due moment for a task written at <paramref name="from"/>. Throws <see cref="InvalidOperationException"/>
    /// when the input is missing or not a non-negative number.
    /// </summary>
    public DateTimeOffset ComputeDue(DateTimeOffset from, IWorkingDayCalendar calendar, JsonObject? inputs)
    {
        if (WorkingDays is { } days)
        {
            return calendar.AddWorkingDays(from, days);
        }

        if (DurationValue is { } duration)
        {
            return calendar.AddWorkingDays(from + duration, 0);
        }

        return calendar.AddWorkingDays(from, ReadInputDays(inputs));
    }

    private int ReadInputDays(JsonObject? inputs)
    {
        var value = inputs?[Input!];
        if (value is not null)
        {
            var kind = value.GetValueKind();
            if (kind == JsonValueKind.Number && PropertyReader.NumberOf(value) is var d && d >= 0 && d == Math.Floor(d))
            {
                return (int)d;
            }

            if (kind == JsonValueKind.String && int.TryParse(value.GetValue<string>(), out var parsed) && parsed >= 0)
            {
                return parsed;
            }
        }

        throw new InvalidOperationException($"Deadline input '{Input}' must hold a whole number of working days ≥ 0.");
    }

    internal static DeadlineSpec? Read(PropertyReader parent, string name)
    {
        var reader = parent.Object(name);
        return reader.Node is null ? null : Read(reader);
    }

    private static DeadlineSpec Read(PropertyReader reader)
    {
        var spec = new DeadlineSpec
        {
            WorkingDays = reader.Int("workingDays"),
            Duration = reader.String("duration"),
            Input = reader.String("input"),
        };
        var set = (spec.WorkingDays is null ? 0 : 1) + (spec.Duration is null ? 0 : 1) + (spec.Input is null ? 0 : 1);
        if (set != 1)
        {
            throw new ActivityPropertiesException(reader.PathOf("workingDays"), "set exactly one of workingDays, duration, input");
        }

        if (spec.WorkingDays < 0)
        {
            throw new ActivityPropertiesException(reader.PathOf("workingDays"), "must be 0 or more");
        }

        if (spec.Duration is not null)
        {
            try
            {
                if (spec.DurationValue < TimeSpan.Zero)
                {
                    throw new ActivityPropertiesException(reader.PathOf("duration"), "must not be negative");
                }
            }
            catch (FormatException)
            {
                throw new ActivityPropertiesException(reader.PathOf("duration"), $"'{spec.Duration}' is not an ISO 8601 duration such as P3D");
            }
        }

        return spec;
    }
}
