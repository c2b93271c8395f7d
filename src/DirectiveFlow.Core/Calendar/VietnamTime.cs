namespace DirectiveFlow.Core.Calendar;

/// <summary>Asia/Ho_Chi_Minh (UTC+7, no daylight saving): the zone every deadline and schedule is reckoned in.</summary>
public static class VietnamTime
{
    public const string ZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>
    /// The first and last year a typed day may name (a filter's from/to, a week). Outside them a day's start or its next
    /// day's start falls outside <see cref="DateTimeOffset"/> (0001-01-01 at UTC+7, 9999-12-31 + 1), which crashed the
    /// reports with a 500; nothing the system holds is older than 2000.
    /// </summary>
    public const int FirstYear = 2000;

    /// <inheritdoc cref="FirstYear"/>
    public const int LastYear = 9998;

    /// <summary>Whether <paramref name="day"/> lies in <see cref="FirstYear"/>–<see cref="LastYear"/>.</summary>
    public static bool IsReckonable(DateOnly day) => day.Year is >= FirstYear and <= LastYear;

    /// <summary>The system's zone when its data is installed, else a fixed UTC+7 zone (Viet Nam has no daylight saving).</summary>
    public static TimeZoneInfo Zone { get; } = Resolve();

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The instant at <paramref name="time"/> local time on <paramref name="date"/>.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private static TimeZoneInfo Resolve()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");
        }
    }
}
