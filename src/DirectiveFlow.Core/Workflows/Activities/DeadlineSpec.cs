using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Common.Errors;

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
    /// The due moment for a task written at <paramref name="from"/>. Throws <see cref="DeadlineInputException"/>
    /// when the input is missing or not a whole number of working days from 0 to <see cref="InputLimits.MaxWorkingDays"/>.
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

    /// <summary>
    /// The working days an input holds: a whole number from 0 to <see cref="InputLimits.MaxWorkingDays"/>, as a JSON
    /// number or a numeric string; null otherwise.
    /// </summary>
    public static int? WorkingDaysIn(JsonNode? value)
    {
        double? days = value?.GetValueKind() switch
        {
            JsonValueKind.Number => PropertyReader.NumberOf(value!),
            JsonValueKind.String when double.TryParse(value!.GetValue<string>(), System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        return days is { } d && d >= 0 && d <= InputLimits.MaxWorkingDays && d == Math.Floor(d) ? (int)d : null;
    }

    private int ReadInputDays(JsonObject? inputs) =>
        WorkingDaysIn(inputs?[Input!])
        ?? throw new DeadlineInputException(new ErrorMessage(ErrorCodes.InputWorkingDays, Input, InputLimits.MaxWorkingDays));

    internal static DeadlineSpec? Read(PropertyReader parent, string name)
    {
        var reader = parent.Object(name);
        return reader.Node is null ? null : Read(reader);
    }

    private static DeadlineSpec Read(PropertyReader reader)
    {
        var spec = new DeadlineSpec
        {
            WorkingDays = reader.WorkingDays("workingDays", min: 0),
            Duration = reader.String("duration"),
            Input = reader.String("input"),
        };
        var set = (spec.WorkingDays is null ? 0 : 1) + (spec.Duration is null ? 0 : 1) + (spec.Input is null ? 0 : 1);
        if (set != 1)
        {
            throw new ActivityPropertiesException(reader.PathOf("workingDays"), ErrorCodes.PropertyExactlyOne, "workingDays, duration, input");
        }

        if (spec.Duration is not null)
        {
            TimeSpan duration;
            try
            {
                duration = spec.DurationValue!.Value;
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new ActivityPropertiesException(reader.PathOf("duration"), ErrorCodes.PropertyDuration, spec.Duration);
            }

            if (duration < TimeSpan.Zero || duration > TimeSpan.FromDays(InputLimits.MaxDeadlineDays))
            {
                throw new ActivityPropertiesException(reader.PathOf("duration"), ErrorCodes.PropertyDaysRange, InputLimits.MaxDeadlineDays);
            }
        }

        return spec;
    }
}
