using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Calendar;

/// <summary>
/// Seeds this year and next from <see cref="VietnamHolidays"/>. A year that already has any row is left alone, so a
/// restart never undoes an administrator's edits (idempotent).
/// </summary>
public static class CalendarSeeder
{
    public static async Task<int> SeedAsync(DirectiveFlowDbContext db, int thisYear, CancellationToken cancellationToken = default)
    {
        var added = 0;
        foreach (var year in new[] { thisYear, thisYear + 1 })
        {
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            if (await db.CalendarDays.AnyAsync(d => d.Date >= first && d.Date <= last, cancellationToken))
            {
                continue;
            }

            var days = VietnamHolidays.For(year)
                .Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name })
                .ToList();
            db.CalendarDays.AddRange(days);
            added += days.Count;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}
