using System.Net;
using DirectiveFlow.Web.Tests.Api.Reports;
using DirectiveFlow.Web.Tests.Components;
using Microsoft.Extensions.Time.Testing;

namespace DirectiveFlow.Web.Tests.Telemetry;

/// <summary>
/// A year without its Tết holidays counted Tết as working days without a word (the product carries 2026 and 2027 only).
/// Now /health is Degraded and the administrators' home page says which year, linking to its calendar.
/// </summary>
public sealed class CalendarTetHealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task From_October_2027_the_missing_Tet_of_2028_makes_health_degraded_and_the_admin_home_page_says_so()
    {
        await using var app = await ReportsApiWorld.CreateAppAsync(new FakeTimeProvider(new DateTimeOffset(2027, 10, 1, 9, 0, 0, TimeSpan.FromHours(7))));
        using var client = await app.CreateClientForAsync("admin");

        using var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(
            "calendar-tet-holidays: Degraded — No Tết Nguyên đán holiday in the working-day calendar for 2028: its days count as working days; add them on /admin/calendar?year=2028.",
            await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("2027:", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var admin = await UiBrowser.SignedInAsync(app, "admin");
        var home = await admin.PageAsync("/admin");
        Assert.Contains("Lịch làm việc năm 2028 chưa có ngày nghỉ Tết Nguyên đán", home, StringComparison.Ordinal);
        Assert.Contains("href=\"admin/calendar?year=2028\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_this_and_next_years_Tet_in_the_calendar_the_check_is_healthy_and_the_home_page_has_no_banner()
    {
        await using var app = await ReportsApiWorld.CreateAppAsync(new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(7))));
        using var client = app.CreateClient();

        Assert.DoesNotContain("calendar-tet-holidays", await client.GetStringAsync("/health", Ct), StringComparison.Ordinal);
        using var admin = await UiBrowser.SignedInAsync(app, "admin");
        Assert.DoesNotContain("data-testid=\"no-tet\"", await admin.PageAsync("/admin"), StringComparison.Ordinal);
    }
}
