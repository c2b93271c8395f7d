using DirectiveFlow.Core.Calendar;

namespace DirectiveFlow.Core.Tasks;

/// <summary>
/// The instant the categories are taken at (<see cref="Now"/>) and the latest deadline that still counts as due
/// soon (<see cref="DueSoonLimit"/>): one value per request, so every count of a page uses the same "now".
/// </summary>
public readonly record struct CategoryTime(DateTimeOffset Now, DateTimeOffset DueSoonLimit)
{
    /// <summary>"Due soon" means at most this many working days left.</summary>
    public const int DueSoonWorkingDays = 2;

    /// <summary>At <paramref name="now"/>: due soon up to the end of the working day two working days later.</summary>
    public static CategoryTime At(DateTimeOffset now, IWorkingDayCalendar calendar) =>
        new(now, calendar.AddWorkingDays(now, DueSoonWorkingDays));
}
