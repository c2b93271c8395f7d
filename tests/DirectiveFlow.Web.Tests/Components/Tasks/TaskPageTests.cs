using System.Net;
using System.Text.RegularExpressions;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Components.Tasks;

public sealed partial class TaskPageTests : IAsyncLifetime
{
    private DirectiveFlowWebFactory _app = default!;
    private UnitTask _task = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = await UiApp.StartAsync();

        await using var db = _app.Database.CreateContext();
        var data = new UiTestData(db);
        _task = await data.TaskAsync(await data.DirectiveAsync(), "00070-PARTY", "Tổ chức quán triệt kết luận", UiTestData.Now.AddDays(20), requiresReview: true);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_task_page_offers_exactly_the_actions_allowed_now()
    {
        using var officer = await UiBrowser.SignedInAsync(_app, "00070-PARTY");
        using var assigner = await UiBrowser.SignedInAsync(_app, "01-PARTY");

        // The unit's people may also give the task to one of them while it is open (issue 13).
        Assert.Equal(["assign", "acknowledge", "extension"], Forms(await officer.PageAsync(Url)));
        Assert.Empty(Forms(await assigner.PageAsync(Url)));
        Assert.Contains("Hiện không có thao tác nào", await assigner.PageAsync(Url), StringComparison.Ordinal);

        await PostAsync(officer, "acknowledge", []);
        Assert.Equal(["assign", "progress", "complete", "extension"], Forms(await officer.PageAsync(Url)));
    }

    [Fact]
    public async Task An_officer_acknowledges_reports_progress_and_submits_the_result_through_the_forms()
    {
        using var officer = await UiBrowser.SignedInAsync(_app, "00070-PARTY");

        await PostAsync(officer, "acknowledge", []);
        await PostAsync(officer, "progress", new() { ["Input.Note"] = "Đã họp quán triệt toàn thể đảng viên", ["Input.Percent"] = "60" });
        await PostAsync(officer, "complete", new() { ["Input.Result"] = "Hoàn thành quán triệt, có biên bản kèm theo" });

        var page = await officer.PageAsync(Url);
        Assert.Contains("Đã họp quán triệt toàn thể đảng viên", page, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành quán triệt, có biên bản kèm theo", page, StringComparison.Ordinal);
        Assert.Contains("Chờ duyệt kết quả", page, StringComparison.Ordinal);
        Assert.Equal(["assign"], Forms(page));
        Assert.Equal(UnitTaskStatus.Reported, await StatusAsync());
    }

    [Fact]
    public async Task Invalid_progress_is_refused_with_errors_next_to_the_fields()
    {
        using var officer = await UiBrowser.SignedInAsync(_app, "00070-PARTY");
        await PostAsync(officer, "acknowledge", []);

        using var response = await officer.PostFormAsync(Url, "progress", new() { ["Input.Note"] = " ", ["Input.Percent"] = "150" });
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("progress-note.*?</textarea>\\s*<span class=\"field-error\" role=\"alert\">Vui lòng nhập nội dung này.</span>", Flat(html));
        Assert.Matches("progress-percent.*?/>\\s*<span class=\"field-error\" role=\"alert\">Tỷ lệ phải là số từ 0 đến 100.</span>", Flat(html));
        Assert.Equal(UnitTaskStatus.Acknowledged, await StatusAsync());
    }

    [Fact]
    public async Task A_progress_report_posted_after_the_result_went_in_keeps_its_text_and_says_why_in_Vietnamese()
    {
        // Officer A types a long note while officer B of the same unit submits the result: A's form is no longer on the
        // page B left behind. It answered Blazor's bare English 400 (or a 500 when the change landed during the command).
        using var officerA = await UiBrowser.SignedInAsync(_app, "00070-PARTY");
        await PostAsync(officerA, "acknowledge", []);
        await PostAsync(officerA, "complete", new() { ["Input.Result"] = "Đã nộp kết quả" });

        using var response = await officerA.PostFormAsync(Url, "progress", new() { ["Input.Note"] = "Ghi chú rất dài về tiến độ của từng chi bộ", ["Input.Percent"] = "70" });
        var html = Flat(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nhiệm vụ vừa thay đổi trạng thái nên thao tác này không còn hợp lệ.", html, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"progress-note\"[^>]*>Ghi chú rất dài về tiến độ của từng chi bộ</textarea>", html);
        Assert.DoesNotContain("Cannot submit", html, StringComparison.Ordinal);
        Assert.Equal(UnitTaskStatus.Reported, await StatusAsync());
    }

    [Fact]
    public async Task A_second_click_on_accept_shows_the_page_with_the_refusal_not_an_error()
    {
        using var officer = await UiBrowser.SignedInAsync(_app, "00070-PARTY");
        using var assigner = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        await PostAsync(officer, "acknowledge", []);
        await PostAsync(officer, "complete", new() { ["Input.Result"] = "Bản đầu" });
        await PostAsync(assigner, "review", new() { ["Input.Decision"] = "accept", ["Input.Comment"] = "Tốt" });

        using var again = await assigner.PostFormAsync(Url, "review", new() { ["Input.Decision"] = "accept", ["Input.Comment"] = "Nhận xét gõ lại" });
        var html = Flat(await again.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Nhiệm vụ vừa thay đổi trạng thái nên thao tác này không còn hợp lệ.", html, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"review-comment\"[^>]*>Nhận xét gõ lại</textarea>", html);
        Assert.Equal(UnitTaskStatus.Completed, await StatusAsync());
    }

    [Fact]
    public async Task A_decision_on_an_extension_already_decided_keeps_the_comment_and_says_why()
    {
        using var officer = await UiBrowser.SignedInAsync(_app, "00070-PARTY");
        using var assigner = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        await PostAsync(officer, "extension", new() { ["Input.AdditionalDays"] = "5", ["Input.Reason"] = "Chờ ý kiến của Sở Xây dựng" });
        var requestId = await OpenRequestIdAsync();
        await PostAsync(assigner, "decide-extension", new() { ["Input.RequestId"] = requestId, ["Input.Approve"] = "true", ["Input.Comment"] = "Đồng ý" });

        using var again = await assigner.PostFormAsync(Url, "decide-extension", new() { ["Input.RequestId"] = requestId, ["Input.Approve"] = "false", ["Input.Comment"] = "Không đồng ý" });
        var html = Flat(await again.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Matches("<textarea id=\"decide-comment\"[^>]*>Không đồng ý</textarea>", html);
        Assert.Contains("Đề nghị đã được quyết định (đã chấp thuận).", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supporting_unit_s_form_opens_with_its_contribution_on_record_to_update_it()
    {
        // Opened empty, a second note silently replaced the unit's first one.
        await using (var db = _app.Database.CreateContext())
        {
            var supporting = await db.Units.SingleAsync(u => u.Code == "01-COMMITTEE", Ct);
            db.TaskSupportingUnits.Add(new TaskSupportingUnit { TaskId = _task.Id, UnitId = supporting.Id });
            await db.SaveChangesAsync(Ct);
        }

        using var helper = await UiBrowser.SignedInAsync(_app, "01-COMMITTEE");
        var first = Flat(await helper.PageAsync(Url));
        Assert.Matches("<textarea id=\"contribute-note\"[^>]*></textarea>", first);
        Assert.Contains("Gửi ý kiến phối hợp</button>", first, StringComparison.Ordinal);

        await PostAsync(helper, "contribute", new() { ["Input.Note"] = "Đã cử cán bộ phối hợp rà soát" });

        var again = Flat(await helper.PageAsync(Url));
        Assert.Matches("<textarea id=\"contribute-note\"[^>]*>Đã cử cán bộ phối hợp rà soát</textarea>", again);
        Assert.Contains("Cập nhật ý kiến phối hợp</button>", again, StringComparison.Ordinal);
        Assert.DoesNotContain("Gửi ý kiến phối hợp</button>", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_assigner_returns_the_result_for_rework_and_then_accepts_it()
    {
        using var officer = await UiBrowser.SignedInAsync(_app, "00070-PARTY");
        using var assigner = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        await PostAsync(officer, "acknowledge", []);
        await PostAsync(officer, "complete", new() { ["Input.Result"] = "Bản đầu" });

        Assert.Contains(_task.Title, await assigner.PageAsync("/reviews"), StringComparison.Ordinal);
        Assert.Equal(["review"], Forms(await assigner.PageAsync(Url)));
        await PostAsync(assigner, "review", new() { ["Input.Decision"] = "return", ["Input.Comment"] = "Bổ sung số liệu từng tổ dân phố" });
        Assert.Equal(UnitTaskStatus.Returned, await StatusAsync());
        // The unit reads why in the summary, not only in the history (issue 13, part 6).
        var returned = Flat(await officer.PageAsync(Url));
        Assert.Matches("Lý do trả lại</dt>\\s*<dd class=\"pre task-return-reason\">Bổ sung số liệu từng tổ dân phố</dd>", returned);

        await PostAsync(officer, "complete", new() { ["Input.Result"] = "Bản đã bổ sung" });
        await PostAsync(assigner, "review", new() { ["Input.Decision"] = "accept", ["Input.Comment"] = "" });
        Assert.Equal(UnitTaskStatus.Completed, await StatusAsync());
        Assert.DoesNotContain(_task.Title, await assigner.PageAsync("/reviews"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returning_work_without_a_comment_is_refused_next_to_the_comment()
    {
        using var officer = await UiBrowser.SignedInAsync(_app, "00070-PARTY");
        using var assigner = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        await PostAsync(officer, "acknowledge", []);
        await PostAsync(officer, "complete", new() { ["Input.Result"] = "Bản đầu" });

        using var response = await assigner.PostFormAsync(Url, "review", new() { ["Input.Decision"] = "return", ["Input.Comment"] = "" });
        Assert.Matches("review-comment.*?</textarea>\\s*<span class=\"field-error\"", Flat(await response.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(UnitTaskStatus.Reported, await StatusAsync());
    }

    [Fact]
    public async Task An_extension_request_reaches_the_assigner_who_approves_it_and_the_original_deadline_stays_on_record()
    {
        using var officer = await UiBrowser.SignedInAsync(_app, "00070-PARTY");
        using var assigner = await UiBrowser.SignedInAsync(_app, "01-PARTY");

        await PostAsync(officer, "extension", new() { ["Input.AdditionalDays"] = "5", ["Input.Reason"] = "Chờ ý kiến của Sở Xây dựng" });
        Assert.DoesNotContain("extension", Forms(await officer.PageAsync(Url)));
        Assert.Contains("Chờ ý kiến của Sở Xây dựng", await assigner.PageAsync("/extensions"), StringComparison.Ordinal);
        Assert.Equal(["decide-extension"], Forms(await assigner.PageAsync(Url)));

        await PostAsync(assigner, "decide-extension", new() { ["Input.RequestId"] = await OpenRequestIdAsync(), ["Input.Approve"] = "true", ["Input.Comment"] = "Đồng ý" });

        var page = await officer.PageAsync(Url);
        Assert.Contains("Hạn ban đầu", page, StringComparison.Ordinal);
        Assert.Contains("Đã chấp thuận", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Chờ ý kiến của Sở Xây dựng", await assigner.PageAsync("/extensions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_on_its_merits_is_not_said_to_come_from_a_change_of_state()
    {
        // Every 409 began "Nhiệm vụ vừa thay đổi trạng thái…", also when the approval was refused because the new deadline
        // passes the directive's overall one.
        using var officer = await UiBrowser.SignedInAsync(_app, "00070-PARTY");
        using var assigner = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        await PostAsync(officer, "extension", new() { ["Input.AdditionalDays"] = "5", ["Input.Reason"] = "Chờ ý kiến của Sở Xây dựng" });
        await using (var db = _app.Database.CreateContext())
        {
            var deadline = Core.Directives.DirectiveDocument.DeadlineInstant(Core.Calendar.VietnamTime.DateOf(_task.DueAt).AddDays(1));
            await db.Directives.Where(d => d.Id == _task.DirectiveId).ExecuteUpdateAsync(u => u.SetProperty(d => d.Deadline, deadline), Ct);
        }

        using var refused = await assigner.PostFormAsync(Url, "decide-extension", new() { ["Input.RequestId"] = await OpenRequestIdAsync(), ["Input.Approve"] = "true", ["Input.Comment"] = "Đồng ý" });
        var html = Flat(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Contains("sau hạn hoàn thành chung của văn bản", html, StringComparison.Ordinal);
        Assert.DoesNotContain("thay đổi trạng thái", html, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"decide-comment\"[^>]*>Đồng ý</textarea>", html);
    }

    [Fact]
    public async Task An_extension_request_without_days_or_date_is_refused_next_to_the_field()
    {
        using var officer = await UiBrowser.SignedInAsync(_app, "00070-PARTY");
        using var response = await officer.PostFormAsync(Url, "extension", new() { ["Input.AdditionalDays"] = "", ["Input.Reason"] = "Lý do" });
        Assert.Matches("ext-days.*?/>\\s*<span class=\"field-error\" role=\"alert\">Nhập số ngày gia hạn hoặc hạn mới.</span>", Flat(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task An_extension_date_is_typed_dd_MM_yyyy_and_a_date_that_is_no_day_is_refused_next_to_the_field()
    {
        using var officer = await UiBrowser.SignedInAsync(_app, "00070-PARTY");
        var form = await officer.PageAsync(Url);
        Assert.Matches("<input id=\"ext-date\" name=\"Input.NewDueDate\"[^>]*placeholder=\"ngày/tháng/năm\"", form);
        Assert.DoesNotContain("type=\"date\"", form, StringComparison.Ordinal);

        using var refused = await officer.PostFormAsync(Url, "extension", new() { ["Input.NewDueDate"] = "31/02/2027", ["Input.Reason"] = "Lý do" });
        Assert.Matches("ext-date.*?/>\\s*<span class=\"field-error\" role=\"alert\">Ngày giờ không hợp lệ.</span>", Flat(await refused.Content.ReadAsStringAsync(Ct)));

        await PostAsync(officer, "extension", new() { ["Input.NewDueDate"] = "31/12/2027", ["Input.Reason"] = "Chờ giải phóng mặt bằng" });
        await using var db = _app.Database.CreateContext();
        var asked = await db.ExtensionRequests.Where(r => r.TaskId == _task.Id).Select(r => r.RequestedDueAt).SingleAsync(Ct);
        Assert.Equal(new DateOnly(2027, 12, 31), DateOnly.FromDateTime(asked.ToOffset(TimeSpan.FromHours(7)).DateTime));
    }

    private string Url => $"/tasks/{_task.Id}";

    private async Task PostAsync(UiBrowser browser, string form, Dictionary<string, string> fields)
    {
        using var response = await browser.PostFormAsync(Url, form, fields);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{form} answered {(int)response.StatusCode}: {ErrorsIn(body)}");
        Assert.Equal($"/tasks/{_task.Id}?done={form}", response.Headers.Location!.PathAndQuery());
    }

    private async Task<UnitTaskStatus> StatusAsync()
    {
        await using var db = _app.Database.CreateContext();
        return await db.Tasks.Where(t => t.Id == _task.Id).Select(t => t.Status).SingleAsync(Ct);
    }

    private async Task<string> OpenRequestIdAsync()
    {
        await using var db = _app.Database.CreateContext();
        return (await db.ExtensionRequests.SingleAsync(r => r.TaskId == _task.Id && r.Status == ExtensionRequestStatus.Requested, Ct)).Id.ToString();
    }

    private static List<string> Forms(string html) => FormPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    private static string Flat(string html) => html.Replace("\n", " ", StringComparison.Ordinal);

    private static string ErrorsIn(string html) =>
        string.Join(" | ", ErrorPattern().Matches(html).Select(m => m.Groups[1].Value));

    // Every action form carries its Blazor form name; the login/sign-out forms live outside the page body.
    [GeneratedRegex("<input type=\"hidden\" name=\"_handler\" value=\"([a-z-]+)\"")]
    private static partial Regex FormPattern();

    [GeneratedRegex("(?:field-error|alert--error)\"[^>]*>([^<]*)<")]
    private static partial Regex ErrorPattern();
}
