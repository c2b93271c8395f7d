namespace DirectiveFlow.Core.Calendar;

/// <summary>One exception to the weekly pattern, as per-year data editable by administrators.</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    public required string Name { get; set; }
}
