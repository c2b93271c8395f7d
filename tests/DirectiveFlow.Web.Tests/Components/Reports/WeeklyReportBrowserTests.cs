using System.Globalization;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Reports.Weekly;
using DirectiveFlow.TestSupport.Reports;
using DirectiveFlow.Web.Tests.Api.Directives;
using DirectiveFlow.Web.Tests.Components.Studio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Components.Reports;

/// <summary>/reports/weekly in Chromium: the report on a wide and a phone screen in both languages, the week picker, the downloads, print.</summary>
public sealed class WeeklyReportBrowserTests
{
    [Fact]
    public async Task The_weekly_report_page_shows_the_report_downloads_its_files_and_prints_without_navigation()
    {
        await using var browser = await StudioBrowser.StartAsync();
        await SeedAsync(browser);
        var week = IsoWeek.Of(browser.App.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var page = browser.Page;
        await browser.LoginAsync("01-COMMITTEE");

        await page.GotoAsync(browser.Url("/reports/weekly"));
        await Expect(page.Locator("#weekly-title")).ToHaveTextAsync($"Báo cáo tình hình thực hiện nhiệm vụ tuần {week.Week} năm {week.Year}");
        await Expect(page.Locator(".doc-header")).ToContainTextAsync("Độc lập - Tự do - Hạnh phúc");
        await Expect(page.Locator(".weekly-section").Nth(2)).ToContainTextAsync("Ủy ban nhân dân phường Tây Tựu");
        await Expect(page.Locator("#w-week")).ToHaveValueAsync(week.ToString());
        await Expect(page.Locator("#w-week option:checked")).ToHaveTextAsync(
            $"Tuần {week.Week}/{week.Year} (từ {week.Monday.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} đến {week.Sunday.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})");
        await ShootAsync(browser, "weekly-vi");

        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Tải PDF").ClickAsync());
        Assert.Equal($"Báo cáo tuần {week.Week:00}-{week.Year}.pdf", pdf.SuggestedFilename);
        var pdfPath = Path.Combine(AppContext.BaseDirectory, "screenshots", "weekly-report.pdf");
        await pdf.SaveAsAsync(pdfPath);
        Assert.Contains("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", ReportFileReader.PdfPages(await File.ReadAllBytesAsync(pdfPath, Ct))[0], StringComparison.Ordinal);
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Tải Excel (.xlsx)").ClickAsync());
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);

        // Print: A4 without the navigation or the toolbar.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".app-nav")).ToBeHiddenAsync();
        await Expect(page.Locator(".weekly-toolbar")).ToBeHiddenAsync();
        await Expect(page.Locator(".weekly-report")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The week picker: last week, then back with "next week".
        await page.Locator("#w-week").SelectOptionAsync(week.Previous.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem báo cáo" }).ClickAsync();
        await page.WaitForURLAsync($"**/reports/weekly?week={week.Previous}");
        await Expect(page.Locator("#weekly-title")).ToContainTextAsync($"tuần {week.Previous.Week} năm {week.Previous.Year}");
        await page.GetByText("Tuần sau ›").ClickAsync();
        await Expect(page.Locator("#weekly-title")).ToContainTextAsync($"tuần {week.Week} năm {week.Year}");

        await page.GotoAsync(browser.Url("/culture/en?returnUrl=%2Freports%2Fweekly"));
        await Expect(page.Locator("#weekly-title")).ToHaveTextAsync($"Task progress report, week {week.Week} of {week.Year}");
        await ShootAsync(browser, "weekly-en");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task ShootAsync(StudioBrowser browser, string name)
    {
        foreach (var width in new[] { 1440, 390 })
        {
            await browser.Page.SetViewportSizeAsync(width, 900);
            await browser.ScreenshotAsync($"{name}-{width}");
        }

        await browser.Page.SetViewportSizeAsync(1600, 1000);
    }

    /// <summary>A committee directive to the four ward UBNDs, issued over HTTP: one done on time, one late, one overdue, one open.</summary>
    private static async Task SeedAsync(StudioBrowser browser)
    {
        using var committee = await browser.ApiAsync("01-COMMITTEE");
        var directive = await DirectivesApiTests.IssueAsync(committee, "01-COMMITTEE", "committee-directive", "Chỉ thị số 07/CT-UBND",
            "Về đẩy nhanh tiến độ Vành đai 2.5", new { deadlineDays = 5 });
        var now = browser.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = browser.App.Database.CreateContext();
        var tasks = await (from t in db.Tasks
                           join u in db.Units on t.UnitId equals u.Id
                           where t.DirectiveId == directive
                           orderby u.Code
                           select t).ToListAsync(Ct);
        Assert.Equal(4, tasks.Count);
        (tasks[0].Status, tasks[0].DueAt, tasks[0].CompletedAt) = (UnitTaskStatus.Completed, now.AddDays(2), now.AddMinutes(-1));
        (tasks[1].Status, tasks[1].DueAt, tasks[1].CompletedAt) = (UnitTaskStatus.Completed, now.AddDays(-3), now.AddMinutes(-2));
        (tasks[2].Status, tasks[2].DueAt) = (UnitTaskStatus.InProgress, now.AddDays(-4));
        await db.SaveChangesAsync(Ct);
    }
}
