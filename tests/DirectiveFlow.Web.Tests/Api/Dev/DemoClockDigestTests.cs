using System.Net;
using System.Net.Http.Json;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Web.Tests.Api.Directives;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Api.Dev;

/// <summary>
/// Quartz ran on the demo clock, so after a jump every recurring trigger misfired and fired at once: the day's digest
/// went out with the new time. Quartz now keeps real time, so the advance itself runs the digest (and the week's
/// summary) beside the due work.
/// </summary>
public sealed class DemoClockDigestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Advancing_the_demo_clock_to_a_working_day_writes_that_days_digest_at_once()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var issuer = await app.CreateClientForAsync("01-COMMITTEE");
        using var admin = await app.CreateClientForAsync("admin");
        await DirectivesApiTests.IssueAsync(issuer, "01-COMMITTEE", "committee-directive", "Kế hoạch số 7/KH-UBND", "Chuyển đổi số", new { deadlineDays = 10 });
        var calendar = app.Services.GetRequiredService<IWorkingDayCalendar>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var days = Enumerable.Range(1, 14).First(d => calendar.IsWorkingDay(VietnamTime.DateOf(now.AddDays(d))));

        using var advanced = await admin.PostAsJsonAsync("/api/dev/clock", new { advance = $"P{days}D" }, Ct);

        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        await using var db = app.Database.CreateContext();
        var digests = await db.Outbox.Where(m => m.DedupeKey.StartsWith("digest:")).Select(m => m.DedupeKey).ToListAsync(Ct);
        Assert.NotEmpty(digests);
        Assert.All(digests, key => Assert.EndsWith($":{VietnamTime.DateOf(now.AddDays(days)):yyyyMMdd}", key, StringComparison.Ordinal));
    }
}
