using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Common;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Calendar;

/// <summary>Reads and replaces one year of calendar exceptions, then refreshes the cached calendar.</summary>
public sealed class CalendarEditor(DirectiveFlowDbContext db, DatabaseWorkingDayCalendar calendar)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public async Task<CalendarYear> GetAsync(int year, CancellationToken cancellationToken)
    {
        var (first, last) = Bounds(year);
        var days = await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= first && d.Date <= last)
            .OrderBy(d => d.Date)
            .Select(d => new CalendarYearDay(d.Date, d.Kind, d.Name))
            .ToListAsync(cancellationToken);
        return new CalendarYear(year, days);
    }

    /// <summary>Field errors for a replacement of <paramref name="year"/>; empty when it is valid.</summary>
    public static Dictionary<string, string[]> Validate(int year, IReadOnlyList<CalendarYearDay>? days)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is < MinYear or > MaxYear)
        {
            errors["year"] = [$"Năm phải trong khoảng {MinYear}–{MaxYear} (year must be {MinYear}–{MaxYear})."];
        }

        if (days is null)
        {
            errors["days"] = ["Thiếu danh sách ngày (days is required)."];
            return errors;
        }

        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            if (day is null)
            {
                errors[$"days[{i}]"] = ["Cần một ngày { date, kind, name }, không phải null. / A day { date, kind, name } is expected, not null."];
                continue;
            }

            var weekend = day.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            string? error =
                day.Date.Year != year ? $"Ngày {day.Date:dd/MM/yyyy} không thuộc năm {year} (date outside the year)."
                : !Enum.IsDefined(day.Kind) ? "Loại ngày phải là Holiday hoặc MakeUpWorkingDay (kind must be Holiday or MakeUpWorkingDay)."
                : TextRules.Line(day.Name, 200) is { } badName ? $"Tên ngày (name): {badName.Text(english: false)}"
                : day.Kind == CalendarDayKind.MakeUpWorkingDay && !weekend ? "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật (a make-up working day must fall on a weekend)."
                : day.Kind == CalendarDayKind.Holiday && weekend ? "Ngày nghỉ rơi vào cuối tuần: hãy nhập ngày nghỉ bù (a holiday on a weekend changes nothing; enter the compensatory day off)."
                : days.Take(i).Any(d => d.Date == day.Date) ? $"Ngày {day.Date:dd/MM/yyyy} bị trùng (duplicate date)."
                : null;
            if (error is not null)
            {
                errors[$"days[{i}]"] = [error];
            }
        }

        return errors;
    }

    /// <summary>Replaces the year's exceptions in one transaction and reloads the cached calendar.</summary>
    public async Task<CalendarYear> ReplaceAsync(int year, IReadOnlyList<CalendarYearDay> days, CancellationToken cancellationToken)
    {
        var (first, last) = Bounds(year);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.CalendarDays.Where(d => d.Date >= first && d.Date <= last).ExecuteDeleteAsync(cancellationToken);
            db.CalendarDays.AddRange(days.Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name.Trim() }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await calendar.ReloadAsync(cancellationToken);
        return await GetAsync(year, cancellationToken);
    }

    private static (DateOnly First, DateOnly Last) Bounds(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}
