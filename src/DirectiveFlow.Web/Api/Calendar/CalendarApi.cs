using System.Security.Claims;
using DirectiveFlow.Infrastructure.Calendar;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Web.Api.Problems;

namespace DirectiveFlow.Web.Api.Calendar;

/// <summary>
/// The working-day calendar by year: days off and make-up working days. Everyone signed in reads it; administrators
/// replace a year's list (the cached calendar is refreshed at once). The answer also says how many open tasks fall due on
/// each new day off (<c>dueOnNewDaysOff</c>; their deadlines are not moved) and how many were handed back to the sweep.
/// </summary>
public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder routes)
    {
        var calendar = routes.MapGroup("/api/calendar").WithTags("Calendar").RequireAuthorization();
        calendar.MapGet("/{year:int}", async (int year, CalendarEditor editor, CancellationToken ct) =>
            year is < CalendarEditor.MinYear or > CalendarEditor.MaxYear
                ? ApiProblems.Invalid(CalendarEditor.Validate(year, []))
                : Results.Ok(await editor.GetAsync(year, ct)));
        calendar.MapPut("/{year:int}", async (int year, CalendarYearRequest request, ClaimsPrincipal user, CalendarEditor editor, CancellationToken ct) =>
        {
            var errors = CalendarEditor.Validate(year, request.Days);
            return errors.Count > 0
                ? ApiProblems.Invalid(errors)
                : Results.Ok(await editor.ReplaceAsync(year, request.Days!, Caller.Of(user), ct));
        }).RequireAuthorization(Roles.Administrator);
        return routes;
    }
}
