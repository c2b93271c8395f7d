using DirectiveFlow.Web.Tests.Components.Overview;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DirectiveFlow.Web.Tests.Components.Directives;

/// <summary>
/// The issue form is sent once (wwwroot/js/submit-once.js): a second press of "Ban hành" while a slow upload is still
/// sending issued the directive twice. A class of its own, with its own server: each test signs in, and the sign-in
/// rate limit is per server.
/// </summary>
[Trait("Category", "Browser")]
public sealed class IssueOnceBrowserTests(OverviewBrowserFixture fixture) : IClassFixture<OverviewBrowserFixture>
{
    [Theory]
    [InlineData("vi", 1440)]
    [InlineData("en", 390)]
    public async Task A_second_click_on_issue_while_the_first_is_still_sending_issues_nothing_more(string language, int width)
    {
        var page = await fixture.SignedInPageAsync("01-PARTY", width, language);
        var posts = 0;
        // Each post of the form is held a moment, as a slow upload would be, and counted.
        await page.RouteAsync("**/directives/new**", async route =>
        {
            if (route.Request.Method == "POST")
            {
                Interlocked.Increment(ref posts);
                await Task.Delay(1500);
            }

            await route.ContinueAsync();
        });
        await page.GotoAsync(fixture.Url("/directives/new?flow=party-conclusion"));
        await page.Locator("#number").FillAsync($"Kết luận số {width}-KL/TU bấm hai lần {language}");
        await page.Locator("#title").FillAsync("Về việc bấm Ban hành hai lần");
        await page.Locator("#input-deadlineDays").FillAsync("5");
        var issue = page.Locator("form.card button.btn--primary");

        // Pressed twice from the page's own script while the first post is held (a click from the test would wait for the
        // page it leads to): the button is busy after the first, and the form refuses to go again however it is asked.
        var disabledAfterFirst = await issue.EvaluateAsync<bool>("""
            button => new Promise(resolve => {
                button.click();
                setTimeout(() => { button.form.requestSubmit(); resolve(button.disabled); }, 50);
            })
            """);
        Assert.True(disabledAfterFirst, "the issue button is not busy while the form is sent");

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/directives/[0-9a-f-]{36}$"));
        Assert.Equal(1, posts);
        await page.Context.CloseAsync();
    }
}
