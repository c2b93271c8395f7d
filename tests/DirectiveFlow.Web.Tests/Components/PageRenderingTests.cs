using System.Net;

namespace DirectiveFlow.Web.Tests.Components;

public sealed class PageRenderingTests(UiAppFixture fixture) : IClassFixture<UiAppFixture>
{
    [Fact]
    public async Task Every_page_renders_Vietnamese_diacritics_intact()
    {
        using var officer = await UiBrowser.SignedInAsync(fixture.App, "00070-PARTY");
        using var issuer = await UiBrowser.SignedInAsync(fixture.App, "01-PARTY");
        var pages = new List<(UiBrowser Browser, string Url, string Expected)>
        {
            (new UiBrowser(fixture.App), "/login", "Tên đăng nhập"),
            (officer, "/", "Đảng ủy phường Hoàn Kiếm"),
            (officer, "/inbox", "Hạn xử lý"),
            (officer, $"/tasks/{fixture.HoanKiemTask.Id}", "Xây dựng kế hoạch hành động của phường"),
            (officer, $"/tasks/{fixture.HoanKiemTask.Id}", "Hạn xử lý"),
            (issuer, "/directives", "Kết luận số 15-KL/TU"),
            (issuer, $"/directives/{fixture.Directive.Id}", "Đảng ủy phường Hoàn Kiếm"),
            // The flow by its name, not its id "party-conclusion" (issue 13, part 6).
            (issuer, $"/directives/{fixture.Directive.Id}", "Triển khai kết luận của Thành ủy"),
            (issuer, "/directives/new", "Ban hành văn bản chỉ đạo"),
            (issuer, "/reviews", "Kết quả chờ duyệt"),
            (issuer, "/extensions", "Đề nghị gia hạn chờ quyết định"),
            (issuer, "/access-denied", "Không có quyền truy cập"),
        };

        foreach (var (browser, url, expected) in pages)
        {
            var html = await browser.PageAsync(url);
            Assert.Contains("<meta charset=\"utf-8\"", html, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
            Assert.True(html.Contains(expected, StringComparison.Ordinal), $"{url} lacks \"{expected}\"");
            Assert.DoesNotContain("&#x1", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_task_titled_with_a_script_tag_renders_as_text()
    {
        using var officer = await UiBrowser.SignedInAsync(fixture.App, "00070-PARTY");
        using var issuer = await UiBrowser.SignedInAsync(fixture.App, "01-PARTY");

        foreach (var html in new[]
                 {
                     await officer.PageAsync("/inbox"),
                     await officer.PageAsync($"/tasks/{fixture.ScriptTask.Id}"),
                     await issuer.PageAsync($"/directives/{fixture.Directive.Id}"),
                 })
        {
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
            Assert.DoesNotContain(UiAppFixture.ScriptTitle, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_English_switch_changes_labels_and_keeps_the_page()
    {
        using var officer = await UiBrowser.SignedInAsync(fixture.App, "00070-PARTY");
        Assert.Contains("culture/en?returnUrl=%2Finbox", await officer.PageAsync("/inbox"), StringComparison.Ordinal);

        using var switched = await officer.GetAsync("/culture/en?returnUrl=%2Finbox");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/inbox", switched.Headers.Location?.OriginalString);

        var english = await officer.PageAsync("/inbox");
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains(">Deadline<", english, StringComparison.Ordinal);
        Assert.Contains("Open, overdue", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Hạn xử lý", english, StringComparison.Ordinal);
        // Unit names are data, not labels: they stay Vietnamese.
        Assert.Contains("Đảng ủy phường Hoàn Kiếm", english, StringComparison.Ordinal);

        using var back = await officer.GetAsync("/culture/vi?returnUrl=%2Finbox");
        Assert.Contains("Hạn xử lý", await officer.PageAsync("/inbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_never_redirects_off_the_site()
    {
        using var browser = new UiBrowser(fixture.App);
        using var response = await browser.GetAsync("/culture/en?returnUrl=%2F%2Fevil.example");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/inbox")]
    [InlineData("/tasks/5b0f3a57-0000-4000-8000-000000000001")]
    [InlineData("/directives")]
    [InlineData("/directives/new")]
    [InlineData("/reviews")]
    [InlineData("/extensions")]
    public async Task Anonymous_visitors_are_sent_to_login(string url)
    {
        using var browser = new UiBrowser(fixture.App);
        using var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_visitor_on_the_login_page_with_an_error()
    {
        using var browser = new UiBrowser(fixture.App);
        using var response = await browser.PostFormAsync("/login", "login", new() { ["Input.UserName"] = "00070-PARTY", ["Input.Password"] = "sai-mat-khau" });
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", html, StringComparison.Ordinal);
        using var inbox = await browser.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, inbox.StatusCode);
    }

    [Fact]
    public async Task Empty_login_fields_are_flagged_next_to_each_field()
    {
        using var browser = new UiBrowser(fixture.App);
        using var response = await browser.PostFormAsync("/login", "login", new() { ["Input.UserName"] = "", ["Input.Password"] = "" });
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, html.Split("class=\"field-error\"").Length - 1);
    }

    [Fact]
    public async Task The_login_page_shows_the_demo_logins_in_demo_mode()
    {
        using var browser = new UiBrowser(fixture.App);
        var html = await browser.PageAsync("/login");
        Assert.Contains("00070-PARTY.head", html, StringComparison.Ordinal);
        Assert.Contains(Infrastructure.DirectiveFlowWebFactory.DemoPassword, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_may_not_open_the_issue_page()
    {
        using var officer = await UiBrowser.SignedInAsync(fixture.App, "00070-PARTY");
        using var response = await officer.GetAsync("/directives/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_units_task_is_not_found_and_never_listed()
    {
        using var officer = await UiBrowser.SignedInAsync(fixture.App, "00070-PARTY");
        using var response = await officer.GetAsync($"/tasks/{fixture.BaDinhTask.Id}");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(fixture.BaDinhTask.Title, html, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.BaDinhTask.Title, await officer.PageAsync("/inbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var officer = await UiBrowser.SignedInAsync(fixture.App, "00070-PARTY");
        using var signOut = await officer.PostFormAsync("/account/logout", "", [], pageUrl: "/inbox");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var inbox = await officer.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, inbox.StatusCode);
    }
}
