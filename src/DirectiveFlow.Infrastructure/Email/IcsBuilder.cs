using System.Text.Json;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace DirectiveFlow.Infrastructure.Email;

/// <summary>The task's deadline as an iCalendar event ({"uid", "summary", "dueUtc", "url"} in the model's "ics").</summary>
public static class IcsBuilder
{
    /// <summary>The attachment's file name ("deadline").</summary>
    public const string FileName = "han-xu-ly.ics";

    public static string? Build(JsonElement model, string language)
    {
        if (!model.TryGetProperty("dueUtc", out var dueElement) || !dueElement.TryGetDateTimeOffset(out var due))
        {
            return null;
        }

        return Build(
            model.TryGetProperty("uid", out var uid) ? uid.GetString() : null,
            model.TryGetProperty("summary", out var s) ? s.GetString() ?? "" : "",
            due,
            model.TryGetProperty("url", out var url) ? url.GetString() : null,
            language);
    }

    /// <summary>An event ending at <paramref name="due"/>, named after the task in <paramref name="language"/>.</summary>
    public static string? Build(string? uid, string summary, DateTimeOffset due, string? url, string language)
    {
        var prefix = language == "en" ? "Deadline: " : "Hạn xử lý: ";
        var utc = due.UtcDateTime;
        var calendarEvent = new CalendarEvent
        {
            Uid = uid,
            Summary = prefix + summary,
            DtStart = new CalDateTime(utc.AddMinutes(-30), "UTC"),
            DtEnd = new CalDateTime(utc, "UTC"),
            Description = url,
        };
        var calendar = new Ical.Net.Calendar { Method = "PUBLISH" };
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar);
    }
}
