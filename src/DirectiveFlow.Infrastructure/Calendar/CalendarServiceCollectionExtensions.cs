using DirectiveFlow.Core.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Calendar;

public static class CalendarServiceCollectionExtensions
{
    /// <summary>
    /// The working-day calendar, kept in the database (holidays and make-up days editable) and cached per node,
    /// re-read by every node every <see cref="CalendarRefresher.Interval"/>.
    /// </summary>
    public static IServiceCollection AddDirectiveFlowCalendar(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseWorkingDayCalendar>();
        services.AddSingleton<IWorkingDayCalendar>(sp => sp.GetRequiredService<DatabaseWorkingDayCalendar>());
        services.AddScoped<CalendarEditor>();
        services.AddHostedService<CalendarRefresher>();
        return services;
    }
}
