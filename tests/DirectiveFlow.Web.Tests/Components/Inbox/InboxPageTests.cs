using System.Text.RegularExpressions;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Components.Inbox;

public sealed partial class InboxPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Inbox_shows_exactly_the_callers_tasks_with_correct_category_counts(string provider)
    {
        await using var app = await UiApp.StartAsync(provider);

        var now = UiTestData.Now;
        await using (var db = app.Database.CreateContext())
        {
            var data = new UiTestData(db);
            var directive = await data.DirectiveAsync();
            await data.TaskAsync(directive, "00070-PARTY", "Đúng hạn", now.AddDays(-5), UnitTaskStatus.Completed, now.AddDays(-6));
            await data.TaskAsync(directive, "00070-PARTY", "Trễ hạn", now.AddDays(-6), UnitTaskStatus.Completed, now.AddDays(-4));
            await data.TaskAsync(directive, "00070-PARTY", "Còn xa hạn", now.AddDays(40), UnitTaskStatus.InProgress);
            await data.TaskAsync(directive, "00070-PARTY", "Sắp tới hạn", now.AddHours(2), UnitTaskStatus.Acknowledged);
            await data.TaskAsync(directive, "00070-PARTY", "Đã quá hạn", now.AddDays(-3));
            await data.TaskAsync(directive, "00004-PARTY", "Của phường Ba Đình", now.AddDays(-3));
            await data.TaskAsync(directive, "00070-COMMITTEE", "Của UBND phường Hoàn Kiếm", now.AddDays(-3));
        }

        using var officer = await UiBrowser.SignedInAsync(app, "00070-PARTY");
        var html = await officer.PageAsync("/inbox");

        Assert.Equal(
            new Dictionary<string, int>
            {
                ["Total"] = 5, ["CompletedOnTime"] = 1, ["CompletedLate"] = 1, ["OpenWithinDeadline"] = 2, ["DueSoon"] = 1, ["OpenOverdue"] = 1, ["NotAcknowledged"] = 1,
            },
            Counts(html));
        // "Not yet acknowledged" leads to the tasks still Assigned: the overdue one, never opened.
        Assert.Contains("href=\"inbox?scope=mine&amp;status=Assigned\"", html, StringComparison.Ordinal);
        Assert.Equal(["Đã quá hạn"], RowTitles(await officer.PageAsync("/inbox?scope=mine&status=Assigned")));
        // Sorted by deadline: the late one was due first, the far one comes last.
        Assert.Equal(["Trễ hạn", "Đúng hạn", "Đã quá hạn", "Sắp tới hạn", "Còn xa hạn"], RowTitles(html));
        Assert.DoesNotContain("Của phường Ba Đình", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Của UBND phường Hoàn Kiếm", html, StringComparison.Ordinal);

        var overdueRow = Rows(html).Single(r => r.Contains("Đã quá hạn", StringComparison.Ordinal));
        Assert.Contains("class=\"is-overdue\"", overdueRow, StringComparison.Ordinal);
        Assert.Contains("<span class=\"overdue\">quá hạn", overdueRow, StringComparison.Ordinal);
        Assert.DoesNotContain("is-overdue", Rows(html).Single(r => r.Contains("Còn xa hạn", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_filters_by_status_category_and_directive_from_the_query_string()
    {
        await using var app = await UiApp.StartAsync();

        var now = UiTestData.Now;
        Guid otherDirective;
        await using (var db = app.Database.CreateContext())
        {
            var data = new UiTestData(db);
            var first = await data.DirectiveAsync("Kế hoạch số 32/KH-UBND", "Cải tạo Hồ Tây");
            var second = await data.DirectiveAsync("Chỉ thị số 05-CT/TU", "Công viên công nghệ số Tây Tựu");
            otherDirective = second.Id;
            await data.TaskAsync(first, "00070-PARTY", "Hồ Tây – đang làm", now.AddDays(10), UnitTaskStatus.InProgress);
            await data.TaskAsync(first, "00070-PARTY", "Hồ Tây – đã xong", now.AddDays(-1), UnitTaskStatus.Completed, now.AddDays(-2));
            await data.TaskAsync(second, "00070-PARTY", "Tây Tựu – quá hạn", now.AddDays(-2));
        }

        using var officer = await UiBrowser.SignedInAsync(app, "00070-PARTY");

        Assert.Equal(["Hồ Tây – đã xong"], RowTitles(await officer.PageAsync("/inbox?status=Completed")));
        Assert.Equal(["Tây Tựu – quá hạn"], RowTitles(await officer.PageAsync("/inbox?category=OpenOverdue")));
        var byDirective = await officer.PageAsync($"/inbox?directive={otherDirective}");
        Assert.Equal(["Tây Tựu – quá hạn"], RowTitles(byDirective));
        Assert.Equal(1, Counts(byDirective)["Total"]);
        Assert.Contains($"<option value=\"{otherDirective}\" selected", byDirective, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_count_card_leads_to_the_list_it_counts_whatever_status_is_filtered()
    {
        // The counters ignore the status filter; the cards kept it, so "Total 3" led to a list of one.
        await using var app = await UiApp.StartAsync();
        await using (var db = app.Database.CreateContext())
        {
            var data = new UiTestData(db);
            var directive = await data.DirectiveAsync();
            await data.TaskAsync(directive, "00070-PARTY", "Đang làm", UiTestData.Now.AddDays(10), UnitTaskStatus.InProgress);
            await data.TaskAsync(directive, "00070-PARTY", "Đã xong", UiTestData.Now.AddDays(-1), UnitTaskStatus.Completed, UiTestData.Now.AddDays(-2));
            await data.TaskAsync(directive, "00070-PARTY", "Chưa tiếp nhận", UiTestData.Now.AddDays(-2));
        }

        using var officer = await UiBrowser.SignedInAsync(app, "00070-PARTY");
        var html = await officer.PageAsync("/inbox?status=Completed");

        var hrefs = CardHrefPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Equal("inbox?scope=mine", hrefs["Total"]);
        Assert.Equal("inbox?scope=mine&category=OpenOverdue", hrefs["OpenOverdue"]);
        Assert.Equal("inbox?scope=mine&dueSoon=true", hrefs["DueSoon"]);
        Assert.Equal("inbox?scope=mine&status=Assigned", hrefs["NotAcknowledged"]);
        Assert.All(hrefs.Values, h => Assert.DoesNotContain("status=Completed", h, StringComparison.Ordinal));
        Assert.Equal(Counts(html)["Total"], RowTitles(await officer.PageAsync("/" + hrefs["Total"])).Count);
    }

    private static Dictionary<string, int> Counts(string html) =>
        CountPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static List<string> Rows(string html) => RowPattern().Matches(html).Select(m => m.Value).ToList();

    private static List<string> RowTitles(string html) =>
        TitlePattern().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("class=\"count count--(\\w+)[^\"]*\"[^>]*>\\s*<span class=\"count__value\">(\\d+)<")]
    private static partial Regex CountPattern();

    [GeneratedRegex("class=\"count count--(\\w+)[^\"]*\" href=\"([^\"]*)\"")]
    private static partial Regex CardHrefPattern();

    [GeneratedRegex("<tr[^>]*>\\s*<td[^>]*><a href=\"tasks/.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*><a href=\"tasks/[0-9a-f-]+\">([^<]*)</a>")]
    private static partial Regex TitlePattern();
}
