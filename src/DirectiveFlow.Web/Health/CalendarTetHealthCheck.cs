using DirectiveFlow.Infrastructure.Calendar;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DirectiveFlow.Web.Health;

/// <summary>
/// Degraded when this year (or next, from October: <see cref="CalendarEditor.CurrentYears"/>) has no Tết Nguyên đán
/// holiday in the working-day calendar: the product carries the
/// official list for a few years only (<c>VietnamHolidays</c>), and a year without it counts Tết as working days, so
/// every deadline across it comes a week early, without a word. The administrators' home page says the same.
/// </summary>
public sealed class CalendarTetHealthCheck(CalendarEditor calendar, TimeProvider time) : IHealthCheck
{
    public const string Name = "calendar-tet-holidays";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var missing = await calendar.YearsWithoutTetAsync(CalendarEditor.CurrentYears(time.GetUtcNow()), cancellationToken);
        return missing.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded(
                $"No Tết Nguyên đán holiday in the working-day calendar for {string.Join(" and ", missing)}: its days count as working days; "
                + $"add them on /admin/calendar?year={missing[0]}.",
                data: new Dictionary<string, object> { ["yearsWithoutTet"] = missing });
    }
}
