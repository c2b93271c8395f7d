using System.Net;
using System.Text.RegularExpressions;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Localization;
using DirectiveFlow.Web.Tests.Api.Reports;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Components.Overview;

/// <summary>
/// The leadership pages as HTML, on the reports' data set: the figures a caller's scope gives, in Vietnamese and
/// English, the tasks behind every figure, and nothing of the resource keys or of English on a Vietnamese page.
/// </summary>
public sealed partial class OverviewPageTests(OverviewWorldFixture fixture) : IClassFixture<OverviewWorldFixture>
{
    private static readonly Dictionary<string, int> ProvinceTotals = new()
    {
        ["Total"] = 12, ["CompletedOnTime"] = 2, ["CompletedLate"] = 1, ["OpenWithinDeadline"] = 7, ["OpenOverdue"] = 2,
        ["DueSoon"] = 3, ["NotAcknowledged"] = 9, ["NotYetReached"] = 12,
    };

    private ReportsApiWorld World => fixture.World;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_issuer_sees_the_provinces_figures_in_Vietnamese_and_in_English()
    {
        using var issuer = await UiBrowser.SignedInAsync(World.App, "01-PARTY");

        var vi = await issuer.PageAsync("/overview");
        Assert.Equal(ProvinceTotals, PageHtml.Counts(vi));
        Assert.Contains("Quá hạn chưa hoàn thành", vi, StringComparison.Ordinal);
        Assert.Contains("Phạm vi: Thành phố Hà Nội", vi, StringComparison.Ordinal);
        Assert.Contains("Số liệu tại thời điểm 05/03/2026 09:00", vi, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân phường Tây Tựu", vi, StringComparison.Ordinal);
        Assert.Contains("Chỉ thị số 07/CT-UBND", vi, StringComparison.Ordinal);

        using var switched = await issuer.GetAsync("/culture/en?returnUrl=%2Foverview");
        var en = await issuer.PageAsync("/overview");
        Assert.Equal(ProvinceTotals, PageHtml.Counts(en));
        Assert.Contains("<html lang=\"en\">", en, StringComparison.Ordinal);
        Assert.Contains("Open, overdue", en, StringComparison.Ordinal);
        Assert.Contains("Figures as of 05/03/2026 09:00", en, StringComparison.Ordinal);
        Assert.DoesNotContain("Quá hạn chưa hoàn thành", en, StringComparison.Ordinal);
        // Names are data: they stay Vietnamese in English.
        Assert.Contains("Ủy ban nhân dân phường Tây Tựu", en, StringComparison.Ordinal);
        using var back = await issuer.GetAsync("/culture/vi?returnUrl=%2Foverview");
    }

    [Fact]
    public async Task A_ward_head_sees_only_their_own_units_figures_tasks_and_page()
    {
        using var head = await UiBrowser.SignedInAsync(World.App, "00070-PARTY.head");

        using var landing = await head.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal("/overview", landing.Headers.Location!.PathAndQuery());

        var overview = await head.PageAsync("/overview");
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["Total"] = 1, ["CompletedOnTime"] = 0, ["CompletedLate"] = 0, ["OpenWithinDeadline"] = 1, ["OpenOverdue"] = 0,
                ["DueSoon"] = 0, ["NotAcknowledged"] = 1, ["NotYetReached"] = 0,
            },
            PageHtml.Counts(overview));
        Assert.Contains("Đảng ủy phường Hoàn Kiếm và các đơn vị cấp dưới", overview, StringComparison.Ordinal);
        foreach (var outsider in new[] { "Tây Tựu", "Ba Đình", "Phú Diễn", "Chỉ thị số 07/CT-UBND", "Ủy ban nhân dân phường Hoàn Kiếm" })
        {
            Assert.DoesNotContain(outsider, PageHtml.VisibleText(overview), StringComparison.Ordinal);
        }

        var tasks = await head.PageAsync("/overview/tasks");
        Assert.Single(PageHtml.Rows(tasks, ""));
        Assert.Contains("Đảng ủy phường Hoàn Kiếm", tasks, StringComparison.Ordinal);

        var ranking = await head.PageAsync("/overview/units?level=all");
        Assert.Equal(["00070-PARTY"], UnitCodes(ranking));

        using var outside = await head.GetAsync($"/overview/units/{await UnitIdAsync("00613-COMMITTEE")}");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Contains("Đảng ủy phường Hoàn Kiếm", await head.PageAsync($"/overview/units/{await UnitIdAsync("00070-PARTY")}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_keeps_the_inbox_and_has_no_overview()
    {
        using var officer = await UiBrowser.SignedInAsync(World.App, "00070-PARTY");

        Assert.Contains("Hộp việc", await officer.PageAsync("/"), StringComparison.Ordinal);
        using var refused = await officer.GetAsync("/overview");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/access-denied", refused.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"overview\"", await officer.PageAsync("/inbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Vietnamese_pages_show_no_resource_key_code_or_English_word()
    {
        using var issuer = await UiBrowser.SignedInAsync(World.App, "01-PARTY");
        var unit = await UnitIdAsync("00613-COMMITTEE");
        string[] pages =
        [
            "/overview", "/overview?period=custom&from=01/03/2026&to=31/03/2026&pillar=COMMITTEE", "/overview/units", "/overview/units?level=all&sort=chases",
            $"/overview/units/{unit}", $"/overview/units/{unit}?category=OpenOverdue", "/overview/tasks", "/overview/tasks?category=NotYetReached",
            "/overview/tasks?category=DueSoon&pillar=PARTY&level=commune", "/directives", "/directives?sort=overdueUnits",
            $"/directives/{World.Conclusion}", $"/directives/{World.Conclusion}?view=units&pillar=PARTY",
        ];
        var englishOnly = EnText.All
            .Where(e => ViText.All.TryGetValue(e.Key, out var vi) && vi != e.Value)
            .SelectMany(e => PlaceholderPattern().Split(e.Value))
            .Select(t => t.Trim(' ', ':', '.', ',', '(', ')', '/', '—', '·'))
            .Where(t => t.Length > 3 && t.Any(char.IsLetter))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var url in pages)
        {
            var text = PageHtml.VisibleText(await issuer.PageAsync(url));
            Assert.False(KeyPattern().IsMatch(text), $"{url} shows a resource key: {KeyPattern().Match(text).Value}");
            Assert.False(CodePattern().IsMatch(text), $"{url} shows a code instead of a name: {CodePattern().Match(text).Value}");
            // Whole words only: the product's name, DirectiveFlow, is not the English "Directive".
            var english = englishOnly.Where(e => Regex.IsMatch(text, $"(?<![\\p{{L}}\\d]){Regex.Escape(e)}(?![\\p{{L}}\\d])")).ToList();
            Assert.True(english.Count == 0, $"{url} shows English: {string.Join(" | ", english)}");
        }
    }

    [Fact]
    public async Task The_weekly_report_page_names_its_week_as_people_write_it_not_by_its_ISO_code()
    {
        // Regression: the tab read "Báo cáo tuần 2026-W10"; the ISO code belongs in the address only.
        using var issuer = await UiBrowser.SignedInAsync(World.App, "01-PARTY");

        var vi = await issuer.PageAsync("/reports/weekly?week=2026-W10");
        Assert.Equal("Báo cáo tuần 10/2026 · DirectiveFlow", WebUtility.HtmlDecode(TitlePattern().Match(vi).Groups[1].Value));
        Assert.DoesNotContain("2026-W", PageHtml.VisibleText(vi), StringComparison.Ordinal);

        using var switched = await issuer.GetAsync("/culture/en?returnUrl=%2Freports%2Fweekly");
        var en = await issuer.PageAsync("/reports/weekly?week=2026-W10");
        Assert.Equal("Weekly report, week 10/2026 · DirectiveFlow", WebUtility.HtmlDecode(TitlePattern().Match(en).Groups[1].Value));
        using var back = await issuer.GetAsync("/culture/vi?returnUrl=%2Foverview");
    }

    [Fact]
    public async Task The_directive_list_shows_each_directives_progress_and_sorts_by_it()
    {
        using var issuer = await UiBrowser.SignedInAsync(World.App, "01-PARTY");

        var list = await issuer.PageAsync("/directives");
        var conclusion = PageHtml.Rows(list, "directives").Single(r => r.Contains(World.Conclusion.ToString(), StringComparison.Ordinal));
        // Issued here on 02/03/2026 without a recorded document date: the list shows the day it was issued.
        Assert.Equal(["Kết luận", "02/03/2026", "8", "12%", "1", "09/03/2026"], Cells(conclusion));
        var committee = PageHtml.Rows(list, "directives").Single(r => r.Contains(World.CommitteeDirective.ToString(), StringComparison.Ordinal));
        Assert.Equal(["Chỉ thị", "02/03/2026", "4", "25%", "1", "09/03/2026"], Cells(committee));

        Assert.Equal([World.Conclusion, World.CommitteeDirective], DirectiveIds(await issuer.PageAsync("/directives?sort=total")));
        Assert.Equal([World.CommitteeDirective, World.Conclusion], DirectiveIds(await issuer.PageAsync("/directives?sort=total&desc=false")));
        Assert.Equal([World.Conclusion, World.CommitteeDirective], DirectiveIds(await issuer.PageAsync("/directives?sort=onTime")));
        Assert.Equal([World.CommitteeDirective, World.Conclusion], DirectiveIds(await issuer.PageAsync("/directives?sort=number")));
        Assert.Contains("aria-sort=\"ascending\"", await issuer.PageAsync("/directives?sort=nextDue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_directive_page_groups_a_wards_units_searches_filters_by_pillar_and_names_who_holds_units_back()
    {
        using var issuer = await UiBrowser.SignedInAsync(World.App, "01-PARTY");
        var url = $"/directives/{World.Conclusion}";

        var page = await issuer.PageAsync(url);
        var rows = PageHtml.Rows(page, "localities");
        // The city first, then the wards by name (Vietnamese order), the most overdue first had any been.
        Assert.Equal(["01", "00004", "00070", "00619", "00613"], rows.Select(LocalityCode));
        Assert.Equal(4, Regex.Count(rows[0], "class=\"cell-task\""));
        var notReached = PageHtml.Rows(page, "gating");
        Assert.Equal(3, notReached.Count);
        Assert.Contains("HĐND Thành phố Hà Nội", notReached[0], StringComparison.Ordinal);
        Assert.Contains("4 ngày làm việc", notReached[0], StringComparison.Ordinal);
        Assert.Contains("12 đơn vị đang chờ", page, StringComparison.Ordinal);

        Assert.Equal(["00613"], PageHtml.Rows(await issuer.PageAsync(url + "?q=tay%20tuu"), "localities").Select(LocalityCode));
        Assert.Equal(["00070"], PageHtml.Rows(await issuer.PageAsync(url + "?q=00070"), "localities").Select(LocalityCode));

        var council = await issuer.PageAsync(url + "?pillar=COUNCIL");
        Assert.Equal(["01"], PageHtml.Rows(council, "localities").Select(LocalityCode));
        Assert.Single(PageHtml.Rows(council, "gating"));
        var byUnit = await issuer.PageAsync(url + "?view=units&q=hoan%20kiem");
        Assert.Single(PageHtml.Rows(byUnit, "units"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_figure_of_the_overview_opens_exactly_the_tasks_it_counts(string provider)
    {
        await using var world = provider == "Sqlite" ? null : await ReportsApiWorld.CreateAsync(provider);
        var app = (world ?? World).App;
        using var issuer = await UiBrowser.SignedInAsync(app, "01-PARTY");

        var overview = await issuer.PageAsync("/overview");
        var figures = PageHtml.Counts(overview);
        foreach (var (figure, href) in PageHtml.CountLinks(overview))
        {
            Assert.Equal(figures[figure], await ListedAsync(issuer, href));
        }

        foreach (Match cell in MatrixLinkPattern().Matches(overview))
        {
            var href = "/" + WebUtility.HtmlDecode(cell.Groups[1].Value);
            Assert.Equal(int.Parse(cell.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), await ListedAsync(issuer, href));
        }

        var ranking = await issuer.PageAsync("/overview/units?level=all");
        foreach (Match cell in RankingLinkPattern().Matches(ranking))
        {
            var href = "/" + WebUtility.HtmlDecode(cell.Groups[1].Value);
            Assert.Equal(int.Parse(cell.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), PageHtml.ResultCount(await issuer.PageAsync(href)));
        }

        // The directive page answers on this database too: grouped by ward, searched, by unit.
        Assert.Equal(5, PageHtml.Rows(await issuer.PageAsync($"/directives/{(world ?? World).Conclusion}?q="), "localities").Count);
        Assert.Equal(2, PageHtml.Rows(await issuer.PageAsync("/directives?sort=nextDue"), "directives").Count);
    }

    /// <summary>How many tasks a drill-down lists (all its pages), or, for "not yet reached", how many units its gating tasks hold back.</summary>
    private static async Task<int> ListedAsync(UiBrowser browser, string href)
    {
        var html = await browser.PageAsync(href);
        var gating = PageHtml.Rows(html, "gating");
        if (href.Contains("category=NotYetReached", StringComparison.Ordinal))
        {
            return gating.Sum(r => int.Parse(Regex.Match(r, "data-units-waiting=\"(\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(PageHtml.ResultCount(html), PageHtml.Rows(html, "").Count);
        return PageHtml.Rows(html, "").Count;
    }

    private static List<string> Cells(string row) =>
        Regex.Matches(row, "data-col=\"[^\"]+\">([^<]*)<").Select(m => m.Groups[1].Value.Trim()).ToList();

    private static List<Guid> DirectiveIds(string html) =>
        PageHtml.Rows(html, "directives").Select(r => Guid.Parse(Regex.Match(r, "data-directive=\"([^\"]+)\"").Groups[1].Value)).ToList();

    private static List<string> UnitCodes(string html) =>
        PageHtml.Rows(html, "ranking").Select(r => Regex.Match(r, "data-unit=\"([^\"]+)\"").Groups[1].Value).ToList();

    private static string LocalityCode(string row) => Regex.Match(row, "data-locality=\"([^\"]+)\"").Groups[1].Value;

    private async Task<Guid> UnitIdAsync(string code)
    {
        await using var db = World.App.Database.CreateContext();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(Ct);
    }

    [GeneratedRegex("\\{\\d+\\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitlePattern();

    [GeneratedRegex("\\b[A-Z][A-Za-z]+\\.[A-Z][A-Za-z]+\\b")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("\\b(PARTY|COUNCIL|COMMITTEE|FRONT|province|commune|subunit|OpenOverdue|CompletedOnTime)\\b")]
    private static partial Regex CodePattern();

    [GeneratedRegex("data-figure=\"\\w+\">\\s*<a href=\"(overview/tasks[^\"]*)\"[^>]*>(\\d+)</a>")]
    private static partial Regex MatrixLinkPattern();

    [GeneratedRegex("data-figure=\"\\w+\">\\s*<a href=\"(overview/units/[^\"]*)\"[^>]*>(\\d+)</a>")]
    private static partial Regex RankingLinkPattern();
}
