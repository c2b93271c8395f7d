using System.Text.Json.Nodes;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Workflows.Activities;

namespace DirectiveFlow.Core.Tests.Workflows.Activities;

public sealed class DeadlineSpecTests
{
    private static readonly DateTimeOffset Written = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly RecordingCalendar _calendar = new();

    [Fact]
    public void Working_days_go_through_the_calendar()
    {
        new DeadlineSpec { WorkingDays = 5 }.ComputeDue(Written, _calendar, null);

        Assert.Equal((Written, 5), _calendar.Calls.Single());
    }

    [Fact]
    public void Duration_is_added_then_rounded_to_the_end_of_that_working_day()
    {
        new DeadlineSpec { Duration = "P3D" }.ComputeDue(Written, _calendar, null);

        Assert.Equal((Written.AddDays(3), 0), _calendar.Calls.Single());
    }

    [Fact]
    public void Input_deadline_reads_the_directive_input_as_working_days()
    {
        var spec = new DeadlineSpec { Input = "deadlineDays" };

        spec.ComputeDue(Written, _calendar, new JsonObject { ["deadlineDays"] = 7 });
        spec.ComputeDue(Written, _calendar, JsonNode.Parse("{\"deadlineDays\": \"3\"}")!.AsObject());

        Assert.Equal([(Written, 7), (Written, 3)], _calendar.Calls);
        Assert.Throws<DeadlineInputException>(() => spec.ComputeDue(Written, _calendar, new JsonObject { ["deadlineDays"] = "bảy" }));
        Assert.Throws<DeadlineInputException>(() => spec.ComputeDue(Written, _calendar, null));
    }

    [Fact]
    public void An_input_of_a_billion_working_days_is_refused_before_the_calendar_overflows()
    {
        var spec = new DeadlineSpec { Input = "deadlineDays" };
        var calendar = new WorkingDayCalendar([]);

        var error = Assert.Throws<DeadlineInputException>(() => spec.ComputeDue(Written, calendar, new JsonObject { ["deadlineDays"] = 1_000_000_000 }));

        Assert.Contains("'deadlineDays'", error.Message, StringComparison.Ordinal);
        Assert.Contains("2600", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"workingDays\": 1000000000}", "workingDays")]
    [InlineData("{\"duration\": \"P99999999D\"}", "duration")]
    [InlineData("{\"duration\": \"P20Y\"}", "duration")]
    public void A_deadline_beyond_about_ten_years_is_refused_when_read(string json, string path)
    {
        var error = Assert.Throws<ActivityPropertiesException>(() => DeadlineSpec.FromJson(JsonNode.Parse(json)!.AsObject()));

        Assert.Equal(path, error.Path);
    }

    private sealed class RecordingCalendar : IWorkingDayCalendar
    {
        public List<(DateTimeOffset From, int Days)> Calls { get; } = [];

        public bool IsWorkingDay(DateOnly date) => true;

        public DateTimeOffset AddWorkingDays(DateTimeOffset from, int workingDays)
        {
            Calls.Add((from, workingDays));
            return from.AddDays(workingDays);
        }

        public int WorkingDaysBetween(DateTimeOffset now, DateTimeOffset due) => (due - now).Days;
    }
}
