using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Web.Tests.Components.Studio;
using DirectiveFlow.Web.Tests.Infrastructure;
using DirectiveFlow.Web.Tests.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Components.Tasks;

/// <summary>Issue 13, part 4 in Chromium: the head gives a task to a named officer on the task page; the name shows in the
/// summary, the history and the inbox; on a phone the actions come before the history.</summary>
[Trait("Category", "Browser")]
public sealed class TaskAssignmentBrowserTests
{
    [Fact]
    public async Task The_head_assigns_a_task_to_an_officer_and_sees_the_name_in_the_history_and_the_inbox()
    {
        await using var browser = await StudioBrowser.StartAsync();
        Guid taskId;
        await using (var db = browser.App.Database.CreateContext())
        {
            var data = new UiTestData(db);
            taskId = (await data.TaskAsync(await data.DirectiveAsync(), "00070-PARTY", "Rà soát đảng viên dọc Vành đai 4", UiTestData.Now.AddDays(20))).Id;
        }

        var unitId = Guid.Empty;
        await using (var db = browser.App.Database.CreateContext())
        {
            unitId = db.Units.Single(u => u.Code == "00070-PARTY").Id;
        }

        await Accounts.ChangeAsync(browser.App, null, async users =>
        {
            var minh = new AppUser
            {
                UserName = "minh.tv", FullName = "Trần Văn Minh", Position = "Chuyên viên", UnitId = unitId, Email = "minh.tv@hoankiem.hanoi.gov.vn",
                EmailConfirmed = true,
            };
            Assert.True((await users.CreateAsync(minh, DirectiveFlowWebFactory.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(minh, Roles.UnitOfficer)).Succeeded);
        });

        var page = browser.Page;
        await browser.LoginAsync("00070-PARTY.head");
        await page.GotoAsync(browser.Url($"/tasks/{taskId}"));
        await Expect(page.Locator(".task-assignee")).ToHaveTextAsync("Chưa giao cho cán bộ nào");
        await page.SelectOptionAsync("#assign-user", new SelectOptionValue { Label = "Trần Văn Minh – Chuyên viên" });
        await page.Locator("form:has(#assign-user) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("done=assign", StringComparison.Ordinal));

        await Expect(page.Locator(".task-assignee")).ToHaveTextAsync("Trần Văn Minh (Chuyên viên)");
        var line = page.Locator("ol.timeline li", new() { HasText = "Giao cho cán bộ xử lý" });
        await Expect(line).ToContainTextAsync("Trần Văn Minh (Chuyên viên)");
        // The head's own demo account has no position: it reads as its unit.
        await Expect(line).ToContainTextAsync("Đảng ủy phường Hoàn Kiếm");
        await browser.ScreenshotAsync("task-assigned-1440-vi");

        // On a phone the actions come before the history.
        await page.SetViewportSizeAsync(390, 844);
        var actions = await page.Locator(".task-layout__side").BoundingBoxAsync();
        var history = await page.Locator("ol.timeline").BoundingBoxAsync();
        Assert.True(actions!.Y < history!.Y, $"actions at {actions.Y}, history at {history.Y}");
        // Nothing, not even a long account name in the header ("00070-PARTY.head"), widens the page past the phone.
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the task page is wider than 390 px");
        await browser.ScreenshotAsync("task-assigned-390-vi");

        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync(browser.Url("/inbox"));
        var row = page.Locator("table.tasks tbody tr", new() { HasText = "Rà soát đảng viên dọc Vành đai 4" });
        await Expect(row.Locator("td[data-label='Người xử lý']")).ToHaveTextAsync("Trần Văn Minh (Chuyên viên)");

        await page.SetViewportSizeAsync(390, 844);
        await Expect(row.Locator("td[data-label='Người xử lý']")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("inbox-assignee-390-vi");

        // In English the column and the filter have their English words.
        await page.SetViewportSizeAsync(1440, 900);
        await page.Locator("a.lang-switch").ClickAsync();
        await Expect(row.Locator("td[data-label='Assigned officer']")).ToHaveTextAsync("Trần Văn Minh (Chuyên viên)");
        await Expect(page.Locator("label[for=f-mine]")).ToHaveTextAsync("Assigned to me");
        await browser.ScreenshotAsync("inbox-assignee-1440-en");
    }
}
