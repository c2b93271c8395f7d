using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Components.Directives.Items;

/// <summary>The item editor without a browser: rows posted as the form posts them, the command's refusals on their rows, the items on the directive page.</summary>
public sealed partial class DirectiveItemsPageTests : IAsyncLifetime
{
    private const string Url = "/directives/new?flow=conclusion-items";

    private DirectiveFlowWebFactory _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = await UiApp.StartAsync();
        await ShippedFlows.PublishAsync(_app, ["conclusion-items"], Ct);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_deadline_the_command_refuses_comes_back_on_its_row_then_the_rows_issue_and_the_directive_page_lists_them()
    {
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        var form = await issuer.PageAsync(Url);
        Assert.Contains("name=\"items.paste\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"items[0].content\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Inputs[items]\"", form, StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        var unitId = await db.Units.Where(u => u.Code == "01-PARTY").Select(u => u.Id).SingleAsync(Ct);
        var fields = new Dictionary<string, string>
        {
            ["Input.Flow"] = "conclusion-items",
            ["Input.Number"] = "Thông báo số 99-TB/TU",
            ["Input.Title"] = "Kết luận về tuyến Vành đai 4",
            ["Input.IssuingUnitId"] = unitId.ToString(),
            ["Input.Inputs[deadlineDays]"] = "30",
            ["items.paste"] = "",
            ["items[0].number"] = "1",
            ["items[0].content"] = "Hoàn thành phương án giải phóng mặt bằng",
            ["items[0].lead"] = "01-COMMITTEE-SXD",
            ["items[0].supporting"] = "01-COMMITTEE-STC",
            ["items[0].deadline"] = "02/01/2020",
            ["items[1].number"] = "2",
            ["items[1].content"] = "Vận động người dân",
            ["items[1].lead"] = "00070-COMMITTEE",
            ["items[1].deadline"] = "20",
        };

        using var refused = await issuer.PostFormAsync(Url, "issue", fields);
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var first = Between(html, "id=\"item-row-0\"", "id=\"item-row-1\"");
        var second = Between(html, "id=\"item-row-1\"", "data-testid=\"item-add\"");
        Assert.Matches(FieldError(), first);
        Assert.Contains("02/01/2020", FieldError().Match(first).Value, StringComparison.Ordinal);
        Assert.DoesNotMatch(FieldError(), second);
        // The codes posted come back as the units' names.
        Assert.Contains("value=\"Sở Xây dựng Thành phố Hà Nội\"", first, StringComparison.Ordinal);
        Assert.Contains("value=\"Sở Tài chính Thành phố Hà Nội\"", first, StringComparison.Ordinal);

        // Some 60 days on, on a working day (an item due on a holiday or a weekend is refused).
        var due = DateOnly.FromDateTime(UiTestData.Now.UtcDateTime).AddDays(60);
        var calendar = new Core.Calendar.WorkingDayCalendar(
            Core.Calendar.VietnamHolidays.For(due.Year).Concat(Core.Calendar.VietnamHolidays.For(due.Year + 1)));
        while (!calendar.IsWorkingDay(due))
        {
            due = due.AddDays(1);
        }

        fields["items[0].deadline"] = due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        using var issued = await issuer.PostFormAsync(Url, "issue", fields);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);

        var page = await issuer.PageAsync(issued.Headers.Location!.PathAndQuery());
        Assert.Equal(2, Regex.Count(page, "data-testid=\"directive-item\""));
        Assert.Contains("Nhiệm vụ 1", page, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 2", page, StringComparison.Ordinal);
        Assert.Contains(due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
        Assert.Contains("Sở Tài chính Thành phố Hà Nội", page, StringComparison.Ordinal);
    }

    private static string Between(string html, string from, string to)
    {
        var start = html.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {from} on the page");
        var end = html.IndexOf(to, start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    [GeneratedRegex("class=\"field-error\"[^>]*>[^<]*<")]
    private static partial Regex FieldError();
}
