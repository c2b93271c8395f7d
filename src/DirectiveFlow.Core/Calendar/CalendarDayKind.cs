namespace DirectiveFlow.Core.Calendar;

public enum CalendarDayKind
{
    /// <summary>A day off on what would be a working day (public holiday, compensatory day off).</summary>
    Holiday = 1,

    /// <summary>A make-up working day on what would be a weekend.</summary>
    MakeUpWorkingDay = 2,
}
