using System.Globalization;
using System.Text.Json;

namespace DirectiveFlow.Web.Localization;

/// <summary>Times are stored in UTC and shown in Hà Nội time as dd/MM/yyyy HH:mm, whatever the UI language.</summary>
public static class UiFormat
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static string DateTime(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, Zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset? value) => value is { } v ? DateTime(v) : "—";

    public static string Date(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, Zone).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A file's size as officials read it: whole KB below a megabyte, else MB with one decimal in the page's culture (2,3 MB).</summary>
    public static string FileSize(long bytes) =>
        bytes < 1024 * 1024
            ? $"{Math.Max(1, (bytes + 1023) / 1024)} KB"
            : (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.CurrentCulture) + " MB";

    /// <summary>A rate (0–1) as a percentage with at most one decimal in the reader's culture ("66,7%"); "—" for none.</summary>
    public static string Percent(double? rate) =>
        rate is { } r ? (r * 100).ToString("0.#", CultureInfo.CurrentCulture) + "%" : "—";

    /// <summary>An enum value as a query string carries it: "openOverdue", "nextDue".</summary>
    public static string QueryValue(Enum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>A calendar day as officials write it: dd/MM/yyyy.</summary>
    public static string Date(DateOnly value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A day as officials type it (dd/MM/yyyy, d/M/yyyy) or as links carry it (yyyy-MM-dd); null for anything else.</summary>
    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>A day as a link carries it: yyyy-MM-dd.</summary>
    public static string IsoDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly string[] DayFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>The value of an HTML datetime-local input for <paramref name="value"/> in Hà Nội time.</summary>
    public static string InputValue(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, Zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>Reads a datetime-local value typed in Hà Nội time; null when it is not a date.</summary>
    public static DateTimeOffset? ParseInput(string? value)
    {
        if (!System.DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var offset = Zone.GetUtcOffset(local);
        return new DateTimeOffset(System.DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime();
    }
}
