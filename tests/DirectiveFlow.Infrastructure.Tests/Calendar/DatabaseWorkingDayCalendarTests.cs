using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Infrastructure.Calendar;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tests.Calendar;

public sealed class DatabaseWorkingDayCalendarTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seeding_is_idempotent_and_keeps_an_administrators_edits(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(VietnamHolidays.For(2026).Count + VietnamHolidays.For(2027).Count, await CalendarSeeder.SeedAsync(db, 2026, Ct));
        }

        await using (var db = database.CreateContext())
        {
            db.CalendarDays.Add(new CalendarDay { Date = new DateOnly(2026, 1, 10), Kind = CalendarDayKind.MakeUpWorkingDay, Name = "Làm bù" });
            await db.SaveChangesAsync(Ct);
            Assert.Equal(0, await CalendarSeeder.SeedAsync(db, 2026, Ct));
        }

        await using var check = database.CreateContext();
        Assert.Equal(VietnamHolidays.For(2026).Count + VietnamHolidays.For(2027).Count + 1, await check.CalendarDays.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_cached_calendar_follows_the_table_after_an_edit(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection()
            .AddScoped(_ => database.CreateContext())
            .AddSingleton<DatabaseWorkingDayCalendar>()
            .BuildServiceProvider();
        await using (var db = database.CreateContext())
        {
            await CalendarSeeder.SeedAsync(db, 2026, Ct);
        }

        var calendar = services.GetRequiredService<DatabaseWorkingDayCalendar>();
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, 17)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 4, 27)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 7)));

        await using (var scope = services.CreateAsyncScope())
        {
            var editor = new CalendarEditor(scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>(), calendar, TimeProvider.System);
            var year = await editor.GetAsync(2026, Ct);
            await editor.ReplaceAsync(2026, [.. year.Days, new CalendarYearDay(new DateOnly(2026, 3, 7), CalendarDayKind.MakeUpWorkingDay, "Làm bù thứ Bảy")], Caller.System, Ct);
        }

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 3, 7)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, 17)));
    }

    [Theory]
    [InlineData("2027-06-01T09:00:00+07:00", new[] { 2027 })]
    [InlineData("2027-09-30T23:59:00+07:00", new[] { 2027 })]
    [InlineData("2027-09-30T17:30:00+00:00", new[] { 2027, 2028 })] // 1 October already in Viet Nam
    [InlineData("2027-12-31T09:00:00+07:00", new[] { 2027, 2028 })]
    public void Next_years_Tet_is_asked_for_from_October_in_Viet_Nam(string now, int[] years)
    {
        // Asked for all year, the missing next-year Tết warned (and turned /health Degraded) from every 1 January.
        Assert.Equal(years, CalendarEditor.CurrentYears(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
