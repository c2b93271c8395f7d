using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Calendar;

/// <summary>
/// The application's <see cref="IWorkingDayCalendar"/>: the <c>CalendarDays</c> table loaded once into an in-memory
/// <see cref="WorkingDayCalendar"/> and swapped atomically when an administrator edits it (<see cref="ReloadAsync"/>).
/// </summary>
public sealed class DatabaseWorkingDayCalendar(IServiceScopeFactory scopes) : IWorkingDayCalendar
{
    private readonly Lock _loading = new();
    private volatile WorkingDayCalendar? _current;

    /// <summary>The loaded calendar (loading it on first use if start-up has not yet).</summary>
    public WorkingDayCalendar Current => _current ?? LoadOnce();

    public bool IsWorkingDay(DateOnly date) => Current.IsWorkingDay(date);

    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int workingDays) => Current.AddWorkingDays(from, workingDays);

    public int WorkingDaysBetween(DateTimeOffset now, DateTimeOffset due) => Current.WorkingDaysBetween(now, due);

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>();
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        _current = new WorkingDayCalendar(days);
    }

    private WorkingDayCalendar LoadOnce()
    {
        lock (_loading)
        {
            if (_current is null)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>();
                _current = new WorkingDayCalendar(db.CalendarDays.AsNoTracking().ToList());
            }

            return _current;
        }
    }
}
