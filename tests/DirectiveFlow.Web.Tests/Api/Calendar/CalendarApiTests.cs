using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Api.Calendar;

public sealed class CalendarApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_seeded_year_lists_Tet_and_the_Hung_Kings_day_moved_off_the_weekend(string provider)
    {
        await using var factory = await DirectiveFlowWebFactory.CreateAsync(provider);
        using var client = await factory.CreateClientForAsync("admin");

        var year = await client.GetFromJsonAsync<JsonElement>("/api/calendar/2026", Ct);

        var days = year.GetProperty("days").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!, d => d.GetProperty("name").GetString()!);
        Assert.Contains("Mùng 1", days["2026-02-17"], StringComparison.Ordinal);
        Assert.Contains("Giỗ Tổ Hùng Vương", days["2026-04-27"], StringComparison.Ordinal);
        var calendar = factory.Services.GetRequiredService<IWorkingDayCalendar>();
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, 17)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 4, 27)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_administrator_adds_a_make_up_Saturday_and_deadlines_count_it_at_once(string provider)
    {
        await using var factory = await DirectiveFlowWebFactory.CreateAsync(provider);
        using var client = await factory.CreateClientForAsync("admin");
        var days = new object[]
        {
            new { date = "2027-01-01", kind = "Holiday", name = "Tết Dương lịch" },
            new { date = "2027-01-04", kind = "Holiday", name = "Nghỉ hoán đổi" },
            new { date = "2027-01-09", kind = "MakeUpWorkingDay", name = "Làm bù cho thứ Hai 04/01" },
        };

        using var response = await client.PutAsJsonAsync("/api/calendar/2027", new { days }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calendar = factory.Services.GetRequiredService<IWorkingDayCalendar>();
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 1, 9)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 4)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 17)));
        var friday = new DateTimeOffset(2027, 1, 8, 9, 0, 0, TimeSpan.FromHours(7));
        Assert.Equal(new DateTimeOffset(2027, 1, 9, 17, 0, 0, TimeSpan.FromHours(7)), calendar.AddWorkingDays(friday, 1));
        var stored = await client.GetFromJsonAsync<JsonElement>("/api/calendar/2027", Ct);
        Assert.Equal(3, stored.GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task A_weekend_holiday_a_weekday_make_up_day_and_a_date_of_another_year_are_rejected_and_nothing_is_written()
    {
        await using var factory = await DirectiveFlowWebFactory.CreateAsync();
        using var client = await factory.CreateClientForAsync("admin");
        var days = new object[]
        {
            new { date = "2026-04-26", kind = "Holiday", name = "Giỗ Tổ Hùng Vương" },
            new { date = "2026-04-28", kind = "MakeUpWorkingDay", name = "Làm bù" },
            new { date = "2025-12-31", kind = "Holiday", name = "Sai năm" },
        };

        using var response = await client.PutAsJsonAsync("/api/calendar/2026", new { days }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("days[0]", out _));
        Assert.True(errors.TryGetProperty("days[1]", out _));
        Assert.True(errors.TryGetProperty("days[2]", out _));
        var stored = await client.GetFromJsonAsync<JsonElement>("/api/calendar/2026", Ct);
        Assert.True(stored.GetProperty("days").GetArrayLength() > 5);
    }

    [Fact]
    public async Task Only_an_administrator_may_replace_a_year()
    {
        await using var factory = await DirectiveFlowWebFactory.CreateAsync();
        using var client = await factory.CreateClientForAsync("observer");

        using var read = await client.GetAsync("/api/calendar/2026", Ct);
        using var write = await client.PutAsJsonAsync("/api/calendar/2026", new { days = Array.Empty<object>() }, Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }
}
