using System.Text.Json;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>The task's deadline as an iCalendar event ({"uid", "summary", "dueUtc", "url"} in the model's "ics").</summary>
public static class IcsBuilder
{
    public static string? Build(JsonElement model, string language)
    {
        if (!model.TryGetProperty("dueUtc", out var dueElement) || !dueElement.TryGetDateTimeOffset(out var due))
        {
            return null;
        }

        var summary = model.TryGetProperty("summary", out var s) ? s.GetString() ?? "" : "";
        var prefix = language == "en" ? "Deadline: " : "Hạn xử lý: ";
        var utc = due.UtcDateTime;
        var calendarEvent = new CalendarEvent
        {
            Uid = model.TryGetProperty("uid", out var uid) ? uid.GetString() : null,
            Summary = prefix + summary,
            DtStart = new CalDateTime(utc.AddMinutes(-30), "UTC"),
            DtEnd = new CalDateTime(utc, "UTC"),
            Description = model.TryGetProperty("url", out var url) ? url.GetString() : null,
        };
        var calendar = new Ical.Net.Calendar { Method = "PUBLISH" };
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar);
    }
}
