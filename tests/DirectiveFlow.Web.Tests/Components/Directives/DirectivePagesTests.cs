using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Components.Directives;

public sealed class DirectivePagesTests : IAsyncLifetime
{
    private static readonly string[] ShippedFlowIds = ["party-conclusion", "committee-directive", "council-supervision", "front-supervision"];

    private DirectiveFlowWebFactory _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = await UiApp.StartAsync();

        // The shipped flows, published, unless the host already seeded them.
        await ShippedFlows.PublishAsync(_app, ShippedFlowIds, Ct);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_issuer_issues_a_directive_through_the_form_and_follows_it_on_its_page()
    {
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        var form = await issuer.PageAsync("/directives/new?flow=party-conclusion");
        Assert.Contains("name=\"Input.Inputs[deadlineDays]\"", form, StringComparison.Ordinal);
        var unitId = await UnitIdAsync("01-PARTY");

        using var response = await issuer.PostFormAsync("/directives/new?flow=party-conclusion", "issue", new()
        {
            ["Input.Flow"] = "party-conclusion",
            ["Input.Number"] = "Kết luận số 15-KL/TU",
            ["Input.Title"] = "Tháo gỡ 5 điểm nghẽn của Thành phố",
            ["Input.Body"] = "Rõ tiến độ, rõ trách nhiệm, rõ kết quả.",
            ["Input.Priority"] = "Urgent",
            ["Input.IssuingUnitId"] = unitId.ToString(),
            ["Input.Inputs[deadlineDays]"] = "7",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await issuer.PageAsync(response.Headers.Location!.PathAndQuery());
        Assert.Contains("Kết luận số 15-KL/TU", page, StringComparison.Ordinal);
        Assert.Contains("Khẩn", page, StringComparison.Ordinal);
        Assert.Contains("Tiến độ theo trục", page, StringComparison.Ordinal);
        Assert.Contains("UBND Thành phố Hà Nội", page, StringComparison.Ordinal);
        // Nothing is acknowledged yet: every task counts as not acknowledged, and the count leads to them by unit.
        var total = CountOf(page, "Total");
        Assert.True(total > 0, "the cascade wrote no task");
        Assert.Equal(total, CountOf(page, "NotAcknowledged"));
        var link = System.Text.RegularExpressions.Regex.Match(page, "class=\"count count--NotAcknowledged[^\"]*\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Contains("status=Assigned", link, StringComparison.Ordinal);
        var unacknowledged = await issuer.PageAsync("/" + System.Net.WebUtility.HtmlDecode(link));
        Assert.Contains("<input type=\"hidden\" name=\"status\" value=\"Assigned\"", unacknowledged, StringComparison.Ordinal);
        Assert.Contains("Tháo gỡ 5 điểm nghẽn", await issuer.PageAsync("/directives"), StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        Assert.Equal("7", (await db.Directives.SingleAsync(d => d.Number == "Kết luận số 15-KL/TU", Ct)).InputsJson.Split("\"deadlineDays\":")[1][..1]);
    }

    [Fact]
    public async Task Wards_ticked_and_uploaded_as_CSV_are_the_chosen_targets_and_bad_CSV_lines_are_shown_with_their_line()
    {
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        const string Url = "/directives/new?flow=party-conclusion";
        var form = await issuer.PageAsync(Url);
        Assert.Contains("Đơn vị nhận", form, StringComparison.Ordinal);
        Assert.Contains("value=\"00613\"", form, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["Input.Flow"] = "party-conclusion",
            ["Input.Number"] = "Kết luận số 21-KL/TU",
            ["Input.Title"] = "Về tuyến Vành đai 4",
            ["Input.Priority"] = "Normal",
            ["Input.IssuingUnitId"] = (await UnitIdAsync("01-PARTY")).ToString(),
            ["Input.Inputs[deadlineDays]"] = "7",
            ["targets.ward-counterparts.pick"] = "00070",
        };

        using var refused = await issuer.PostMultipartAsync(Url, "issue", fields, "targets.ward-counterparts.csv", "phuong.csv",
            System.Text.Encoding.UTF8.GetBytes("ma,ten\n00004,Ba Đình\n99999,Không có\n01,Hà Nội\n"));
        var html = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Dòng 3: không có mã '99999'.", html, StringComparison.Ordinal);
        Assert.Contains("Dòng 4: '01' không thuộc", html, StringComparison.Ordinal);
        Assert.Matches("value=\"00070\"[^>]*checked", html);
        await using (var db = _app.Database.CreateContext())
        {
            Assert.False(await db.Directives.AnyAsync(d => d.Number == "Kết luận số 21-KL/TU", Ct));
        }

        using var issued = await issuer.PostMultipartAsync(Url, "issue", fields, "targets.ward-counterparts.csv", "phuong.csv",
            System.Text.Encoding.UTF8.GetBytes("00004\r\n00613\r\n00004\r\n"));
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var page = await issuer.PageAsync(issued.Headers.Location!.PathAndQuery());
        var chosen = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"chosen-targets-ward-counterparts\">(.*?)</ul>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(["Ba Đình", "Hoàn Kiếm", "Tây Tựu"],
            System.Text.RegularExpressions.Regex.Matches(chosen, "<li>(.*?)</li>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Order());
    }

    [Fact]
    public async Task A_CSV_of_wards_uploaded_before_a_refused_title_comes_back_as_pasted_codes_and_narrows_the_issue()
    {
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        const string Url = "/directives/new?flow=party-conclusion";
        var fields = new Dictionary<string, string>
        {
            ["Input.Flow"] = "party-conclusion",
            ["Input.Number"] = "Kết luận số 29-KL/TU",
            ["Input.Title"] = "",
            ["Input.Priority"] = "Normal",
            ["Input.IssuingUnitId"] = (await UnitIdAsync("01-PARTY")).ToString(),
            ["Input.Inputs[deadlineDays]"] = "7",
            ["targets.ward-counterparts.text"] = "00613",
        };

        using var refused = await issuer.PostMultipartAsync(Url, "issue", fields, "targets.ward-counterparts.csv", "phuong.csv",
            System.Text.Encoding.UTF8.GetBytes("ma,ten\n00004,Ba Đình\n00070,Hoàn Kiếm\n"));
        var html = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        // Lost, the file would leave no choice at all — every ward; it comes back as codes in the box, said so.
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("data-testid=\"target-text\">00613\n00004\n00070</textarea>", html);
        Assert.Contains("2 mã trong tệp “phuong.csv” đã được đưa vào ô này; không cần tải tệp lên lại.", html, StringComparison.Ordinal);

        fields["Input.Title"] = "Về tuyến Vành đai 4";
        fields["targets.ward-counterparts.text"] = "00613\n00004\n00070";
        using var issued = await issuer.PostFormAsync(Url, "issue", fields);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var page = await issuer.PageAsync(issued.Headers.Location!.PathAndQuery());
        var chosen = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"chosen-targets-ward-counterparts\">(.*?)</ul>",
            System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(["Ba Đình", "Hoàn Kiếm", "Tây Tựu"],
            System.Text.RegularExpressions.Regex.Matches(chosen, "<li>(.*?)</li>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Order());
    }

    [Fact]
    public async Task Missing_number_and_title_are_refused_next_to_their_fields_and_nothing_is_issued()
    {
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        using var response = await issuer.PostFormAsync("/directives/new?flow=party-conclusion", "issue", new()
        {
            ["Input.Flow"] = "party-conclusion",
            ["Input.Number"] = "",
            ["Input.Title"] = " ",
            ["Input.Priority"] = "Normal",
            ["Input.IssuingUnitId"] = (await UnitIdAsync("01-PARTY")).ToString(),
            ["Input.Inputs[deadlineDays]"] = "7",
        });
        var html = (await response.Content.ReadAsStringAsync(Ct)).Replace("\n", " ", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("id=\"number\".*?/>\\s*<span class=\"field-error\"", html);
        Assert.Matches("id=\"title\".*?/>\\s*<span class=\"field-error\"", html);
        await using var db = _app.Database.CreateContext();
        Assert.False(await db.Directives.AnyAsync(Ct));
    }

    [Fact]
    public async Task An_issuer_cannot_issue_in_another_units_name()
    {
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        using var response = await issuer.PostFormAsync("/directives/new?flow=party-conclusion", "issue", new()
        {
            ["Input.Flow"] = "party-conclusion",
            ["Input.Number"] = "Chỉ thị số 01",
            ["Input.Title"] = "Mạo danh",
            ["Input.Priority"] = "Normal",
            ["Input.IssuingUnitId"] = (await UnitIdAsync("01-COMMITTEE")).ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = _app.Database.CreateContext();
        Assert.False(await db.Directives.AnyAsync(Ct));
    }

    [Fact]
    public async Task The_issuer_withdraws_a_directive_from_its_page_after_a_confirmation_naming_what_stops_and_the_page_then_says_so()
    {
        using var api = await _app.CreateClientForAsync("01-PARTY");
        var id = await Api.Directives.DirectivesApiTests.IssueAsync(api, "01-PARTY", "party-conclusion", "Kết luận số 31-KL/TU", "Về chỉnh trang vỉa hè", new { deadlineDays = 7 });
        int open, units;
        await using (var db = _app.Database.CreateContext())
        {
            open = await db.Tasks.CountAsync(t => t.DirectiveId == id, Ct);
            units = await db.Tasks.Where(t => t.DirectiveId == id).Select(t => t.UnitId).Distinct().CountAsync(Ct);
        }

        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        var page = $"/directives/{id}";
        Assert.Contains("data-testid=\"withdraw\"", await issuer.PageAsync(page), StringComparison.Ordinal);
        // Another unit's issuer reads the directive but is not offered its withdrawal.
        using (var committee = await UiBrowser.SignedInAsync(_app, "01-COMMITTEE"))
        {
            Assert.DoesNotContain("data-testid=\"withdraw\"", await committee.PageAsync(page), StringComparison.Ordinal);
        }

        using var asked = await issuer.PostFormAsync(page, "directive-withdraw", new() { ["Input.Reason"] = "Ban hành nhầm." });
        var html = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains($"Thu hồi Kết luận số 31-KL/TU? {open} nhiệm vụ đang thực hiện của {units} đơn vị sẽ dừng", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Confirm\" value=\"true\"", html, StringComparison.Ordinal);
        await using (var db = _app.Database.CreateContext())
        {
            Assert.Null(await db.Directives.Where(d => d.Id == id).Select(d => d.WithdrawnAt).SingleAsync(Ct));
        }

        using var confirmed = await issuer.PostFormAsync(page, "directive-withdraw", new() { ["Input.Reason"] = "Ban hành nhầm.", ["Input.Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var after = WebUtility.HtmlDecode(await issuer.PageAsync(confirmed.Headers.Location!.PathAndQuery()));
        Assert.Contains("Văn bản đã được thu hồi lúc", after, StringComparison.Ordinal);
        Assert.Contains("Lý do thu hồi: Ban hành nhầm.", after, StringComparison.Ordinal);
        // Its cancelled tasks are in no category: the tables count them as stopped, never "no task assigned yet".
        Assert.Contains($"Văn bản đã thu hồi: {open} nhiệm vụ đã dừng", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa có nhiệm vụ nào được giao", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"withdraw\"", after, StringComparison.Ordinal);
        Assert.Contains("Đã thu hồi", WebUtility.HtmlDecode(await issuer.PageAsync("/directives")), StringComparison.Ordinal);
        await using var read = _app.Database.CreateContext();
        Assert.Equal(open, await read.Tasks.CountAsync(t => t.DirectiveId == id && t.Status == Core.Tasks.UnitTaskStatus.Cancelled, Ct));
    }

    [Fact]
    public async Task A_withdrawn_directives_progress_says_how_many_tasks_stopped_and_how_many_were_completed_before_not_0_of_0()
    {
        // Regression: cancelled tasks are in no category, so the cards of a withdrawn directive read "Tổng số 0" and
        // "Đã hoàn thành 0/0 nhiệm vụ", which officials took for "nothing was assigned".
        using var api = await _app.CreateClientForAsync("01-PARTY");
        var id = await Api.Directives.DirectivesApiTests.IssueAsync(api, "01-PARTY", "party-conclusion", "Kết luận số 33-KL/TU", "Về chiếu sáng công cộng", new { deadlineDays = 7 });
        int open;
        await using (var db = _app.Database.CreateContext())
        {
            var tasks = await db.Tasks.Where(t => t.DirectiveId == id).OrderBy(t => t.Id).ToListAsync(Ct);
            open = tasks.Count - 1;
            Assert.True(open > 0, $"the flow gave {tasks.Count} tasks");
            // One unit had completed its task before the withdrawal.
            tasks[0].Status = Core.Tasks.UnitTaskStatus.Completed;
            tasks[0].CompletedAt = tasks[0].CreatedAt.AddHours(1);
            await db.SaveChangesAsync(Ct);
        }

        using (var withdrawn = await api.PostAsJsonAsync($"/api/directives/{id}/withdraw", new { reason = "Ban hành nhầm." }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }

        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        var html = WebUtility.HtmlDecode(await issuer.PageAsync($"/directives/{id}"));

        var says = $"Văn bản đã thu hồi: {open} nhiệm vụ đã dừng; 1 nhiệm vụ đã hoàn thành trước khi thu hồi.";
        Assert.Contains($"data-testid=\"completion\">{says}</p>", html, StringComparison.Ordinal);
        Assert.Contains($"aria-label=\"{says}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"completion\">Đã hoàn thành", html, StringComparison.Ordinal);
        Assert.Contains("class=\"s-Stopped\"", html, StringComparison.Ordinal);
        Assert.Matches($"count--Stopped[^>]*href=\"[^\"]*status=Cancelled[^\"]*\">\\s*<span class=\"count__value\">{open}</span>\\s*<span class=\"count__label\">Đã dừng</span>", html);
        Assert.DoesNotContain("count--Total", html, StringComparison.Ordinal);
        // The stopped count leads to the cancelled tasks.
        await using var read = _app.Database.CreateContext();
        var cancelled = await read.Tasks.Where(t => t.DirectiveId == id && t.Status == Core.Tasks.UnitTaskStatus.Cancelled).Select(t => t.Id).ToListAsync(Ct);
        var listed = await issuer.PageAsync($"/directives/{id}?view=units&status=Cancelled");
        Assert.All(cancelled, task => Assert.Contains($"tasks/{task}", listed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_task_stopped_by_a_withdrawal_says_on_its_page_when_by_whom_and_why()
    {
        // Regression: the withdrawal email links each unit to its stopped task, whose page said only "Đã hủy", with no
        // word of the withdrawal or its reason.
        using var api = await _app.CreateClientForAsync("01-PARTY");
        var id = await OneItemConclusionAsync(api, "Thông báo kết luận số 122-TB/TU");
        Guid taskId;
        await using (var db = _app.Database.CreateContext())
        {
            taskId = await db.Tasks.Where(t => t.DirectiveId == id).Select(t => t.Id).SingleAsync(Ct);
        }

        using var ward = await UiBrowser.SignedInAsync(_app, "00070-COMMITTEE");
        Assert.DoesNotContain("data-testid=\"withdrawn\"", await ward.PageAsync($"/tasks/{taskId}"), StringComparison.Ordinal);
        await WithdrawAsync(api, id, "Ban hành nhầm, thay bằng Thông báo số 123-TB/TU.");

        var html = await ward.PageAsync($"/tasks/{taskId}");
        var notice = Regex.Match(html, "data-testid=\"withdrawn\">(.*?)</section>", RegexOptions.Singleline);
        Assert.True(notice.Success, "the task page shows the withdrawal notice");
        Assert.Matches(@"Văn bản đã được thu hồi lúc \d\d/\d\d/\d{4} \d\d:\d\d; người thu hồi: ", notice.Groups[1].Value);
        Assert.Contains("Lý do thu hồi: Ban hành nhầm, thay bằng Thông báo số 123-TB/TU.", notice.Groups[1].Value, StringComparison.Ordinal);

        // The directive's table by locality links to the stopped task with its status as the link's visible text (it had
        // only screen-reader text, the status badge beside it).
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        var link = Regex.Match(await issuer.PageAsync($"/directives/{id}"), $"<a href=\"tasks/{taskId}\" title=[^>]*>(.*?)</a>", RegexOptions.Singleline);
        Assert.True(link.Success, "the locality table links to the stopped task");
        Assert.Contains("Đã hủy", Regex.Replace(link.Groups[1].Value, "<span class=\"sr-only\">.*?</span>", ""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_conclusions_items_table_says_each_items_task_was_cancelled_instead_of_an_empty_cell()
    {
        // Regression: a cancelled task is in no category, so the items table of a withdrawn conclusion left each item's
        // status cell empty.
        using var api = await _app.CreateClientForAsync("01-PARTY");
        var id = await OneItemConclusionAsync(api, "Thông báo kết luận số 121-TB/TU");
        await WithdrawAsync(api, id, "Ban hành nhầm.");

        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        var html = await issuer.PageAsync($"/directives/{id}");
        var status = Regex.Match(html, "data-label=\"Tình trạng\">(.*?)</td>", RegexOptions.Singleline);
        Assert.True(status.Success, "the items table has a status cell");
        Assert.Contains("Đã hủy", status.Groups[1].Value, StringComparison.Ordinal);
    }

    /// <summary>A conclusion of one item, led by Hoàn Kiếm's committee, issued by the city's Party committee.</summary>
    private static Task<Guid> OneItemConclusionAsync(HttpClient issuer, string number) =>
        Api.Directives.DirectivesApiTests.IssueAsync(issuer, "01-PARTY", "conclusion-items", number, "Về phòng cháy chữa cháy",
            new { items = new object[] { new { content = "Rà soát cơ sở kinh doanh.", leadUnit = "00070-COMMITTEE", deadline = 20 } } }, "ConclusionNotice");

    private static async Task WithdrawAsync(HttpClient issuer, Guid id, string reason)
    {
        using var withdrawn = await issuer.PostAsJsonAsync($"/api/directives/{id}/withdraw", new { reason }, Ct);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_directives_pillar_table_counts_each_pillars_stopped_tasks_not_a_full_bar_for_one_completed_task()
    {
        // Regression: the pillar table left cancelled tasks out, so on a withdrawn directive a pillar with one task completed
        // before the withdrawal read "Tổng số 1" with a full "Đã hoàn thành 1/1 nhiệm vụ" bar, as if it had finished everything.
        using var api = await _app.CreateClientForAsync("01-PARTY");
        var id = await Api.Directives.DirectivesApiTests.IssueAsync(api, "01-PARTY", "party-conclusion", "Kết luận số 34-KL/TU", "Về thu gom rác thải", new { deadlineDays = 7 });
        Dictionary<Core.Organisation.Pillar, int> tasksByPillar;
        Core.Organisation.Pillar completedPillar;
        await using (var db = _app.Database.CreateContext())
        {
            var tasks = await (from t in db.Tasks
                               where t.DirectiveId == id && t.ParentTaskId == null
                               join u in db.Units on t.UnitId equals u.Id
                               orderby t.Id
                               select new { t, u.Pillar }).ToListAsync(Ct);
            tasksByPillar = tasks.GroupBy(x => x.Pillar).ToDictionary(g => g.Key, g => g.Count());
            completedPillar = tasks[0].Pillar;
            tasks[0].t.Status = Core.Tasks.UnitTaskStatus.Completed;
            tasks[0].t.CompletedAt = tasks[0].t.CreatedAt.AddHours(1);
            await db.SaveChangesAsync(Ct);
        }

        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        // While the directive stands the table is as before: a total per pillar, no stopped tasks.
        var standing = PillarTableOf(WebUtility.HtmlDecode(await issuer.PageAsync($"/directives/{id}")));
        Assert.Contains("<th class=\"num\">Tổng số</th>", standing, StringComparison.Ordinal);
        Assert.DoesNotContain("s-Stopped", standing, StringComparison.Ordinal);
        using (var withdrawn = await api.PostAsJsonAsync($"/api/directives/{id}/withdraw", new { reason = "Ban hành nhầm." }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }

        var table = PillarTableOf(WebUtility.HtmlDecode(await issuer.PageAsync($"/directives/{id}")));

        Assert.Contains("<th class=\"num\">Đã dừng</th>", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Tổng số", table, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Đã hoàn thành", table, StringComparison.Ordinal);
        // Every pillar is listed, even one whose tasks all stopped, with its stopped count and grey share of the bar.
        foreach (var (pillar, count) in tasksByPillar)
        {
            var completed = pillar == completedPillar ? 1 : 0;
            Assert.Matches(
                $"<td>{System.Text.RegularExpressions.Regex.Escape(PillarLabel(pillar))}</td>\\s*<td class=\"num\">{count - completed}</td>\\s*<td class=\"num\">{completed}</td>"
                + $"[\\s\\S]*?aria-label=\"Văn bản đã thu hồi: {count - completed} nhiệm vụ đã dừng; {completed} nhiệm vụ đã hoàn thành trước khi thu hồi.\">[\\s\\S]*?class=\"s-Stopped\"",
                table);
        }
    }

    private static string PillarTableOf(string html)
    {
        var start = html.IndexOf("<h2>Tiến độ theo trục</h2>", StringComparison.Ordinal);
        Assert.True(start >= 0, "no pillar table");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static string PillarLabel(Core.Organisation.Pillar pillar) => global::DirectiveFlow.Web.Localization.ViText.All[$"Pillar.{pillar}"];

    [Fact]
    public async Task The_withdrawal_confirmation_counts_the_supporting_units_still_to_contribute_that_the_withdrawal_emails()
    {
        // Regression: the question named only the lead units ("... của M đơn vị sẽ dừng và mỗi đơn vị nhận một thư"),
        // while the supporting units still to contribute are emailed too.
        using var api = await _app.CreateClientForAsync("01-PARTY");
        var id = await Api.Directives.DirectivesApiTests.IssueAsync(api, "01-PARTY", "party-conclusion", "Kết luận số 35-KL/TU", "Về cấp nước sạch", new { deadlineDays = 7 });
        int open, units;
        await using (var db = _app.Database.CreateContext())
        {
            var tasks = await db.Tasks.Where(t => t.DirectiveId == id).OrderBy(t => t.Id).ToListAsync(Ct);
            open = tasks.Count;
            units = tasks.Select(t => t.UnitId).Distinct().Count();
            Assert.True(tasks.Count >= 2, $"the flow gave {tasks.Count} tasks");
            var leads = tasks.Select(t => t.UnitId).ToHashSet();
            var others = await db.Units.Where(u => !leads.Contains(u.Id)).OrderBy(u => u.Code).Select(u => u.Id).Take(2).ToListAsync(Ct);
            // Told once though it supports two tasks; one that has given its contribution and a lead unit are not counted again.
            db.TaskSupportingUnits.AddRange(
                new Core.Tasks.TaskSupportingUnit { TaskId = tasks[0].Id, UnitId = others[0] },
                new Core.Tasks.TaskSupportingUnit { TaskId = tasks[1].Id, UnitId = others[0] },
                new Core.Tasks.TaskSupportingUnit { TaskId = tasks[0].Id, UnitId = others[1], Contribution = "Đã gửi số liệu." },
                new Core.Tasks.TaskSupportingUnit { TaskId = tasks[0].Id, UnitId = tasks[1].UnitId == tasks[0].UnitId ? tasks[^1].UnitId : tasks[1].UnitId });
            await db.SaveChangesAsync(Ct);
        }

        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        using var asked = await issuer.PostFormAsync($"/directives/{id}", "directive-withdraw", new() { ["Input.Reason"] = "Ban hành nhầm." });
        var html = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync(Ct));

        Assert.Contains(
            $"Thu hồi Kết luận số 35-KL/TU? {open} nhiệm vụ đang thực hiện của {units} đơn vị chủ trì sẽ dừng; {units + 1} đơn vị nhận thư báo thu hồi (trong đó 1 đơn vị phối hợp chưa gửi ý kiến).",
            html, StringComparison.Ordinal);
        // The same rule chooses whom the withdrawal emails.
        using var withdrawn = await api.PostAsJsonAsync($"/api/directives/{id}/withdraw", new { reason = "Ban hành nhầm." }, Ct);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(units + 1, (await withdrawn.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("unitsNotified").GetInt32());
    }

    [Fact]
    public async Task A_withdrawal_without_a_reason_is_refused_on_the_page_before_any_confirmation()
    {
        using var api = await _app.CreateClientForAsync("01-PARTY");
        var id = await Api.Directives.DirectivesApiTests.IssueAsync(api, "01-PARTY", "party-conclusion", "Kết luận số 32-KL/TU", "Về cây xanh", new { deadlineDays = 7 });
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");

        using var refused = await issuer.PostFormAsync($"/directives/{id}", "directive-withdraw", new() { ["Input.Reason"] = " ", ["Input.Confirm"] = "true" });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("data-testid=\"confirm-withdraw\"", html, StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        Assert.Null(await db.Directives.Where(d => d.Id == id).Select(d => d.WithdrawnAt).SingleAsync(Ct));
    }

    [Fact]
    public async Task The_form_offers_only_the_flows_the_caller_may_issue_and_for_a_flow_only_the_units_it_allows()
    {
        using var committee = await UiBrowser.SignedInAsync(_app, "01-COMMITTEE");
        var offered = await committee.PageAsync("/directives/new");
        Assert.Contains("<option value=\"committee-directive\"", offered, StringComparison.Ordinal);
        foreach (var other in ShippedFlowIds.Where(f => f != "committee-directive"))
        {
            Assert.DoesNotContain($"<option value=\"{other}\"", offered, StringComparison.Ordinal);
        }

        // The administrator may issue for any unit, but the Party conclusion only for the city's Party committee.
        using var admin = await UiBrowser.SignedInAsync(_app, "admin");
        var all = await admin.PageAsync("/directives/new?flow=party-conclusion");
        Assert.All(ShippedFlowIds, f => Assert.Contains($"<option value=\"{f}\"", all, StringComparison.Ordinal));
        var units = System.Text.RegularExpressions.Regex.Match(all.Replace("\n", " ", StringComparison.Ordinal),
            "<select id=\"unit\" name=\"Input.IssuingUnitId\">(.*?)</select>").Groups[1].Value;
        var unitOptions = System.Text.RegularExpressions.Regex.Matches(units, "<option value=\"([^\"]+)\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal([await UnitIdAsync("01-PARTY")], unitOptions);

        // Asking for the Party conclusion as the committee says it may not issue it; a forged post issues nothing.
        Assert.Contains("Bạn không được ban hành theo quy trình &#x27;party-conclusion&#x27;", await committee.PageAsync("/directives/new?flow=party-conclusion"), StringComparison.Ordinal);
        using var response = await committee.PostFormAsync("/directives/new?flow=party-conclusion", "issue", new()
        {
            ["Input.Flow"] = "party-conclusion",
            ["Input.Number"] = "Kết luận số 99-KL/TU",
            ["Input.Title"] = "Không đúng đơn vị",
            ["Input.Priority"] = "Normal",
            ["Input.IssuingUnitId"] = (await UnitIdAsync("01-COMMITTEE")).ToString(),
            ["Input.Inputs[deadlineDays]"] = "7",
        });
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = _app.Database.CreateContext();
        Assert.False(await db.Directives.AnyAsync(d => d.Number == "Kết luận số 99-KL/TU", Ct));
    }

    [Fact]
    public async Task A_cascade_still_being_written_shows_its_progress_and_refreshes_until_done()
    {
        await using (var db = _app.Database.CreateContext())
        {
            var directive = await new UiTestData(db).DirectiveAsync();
            db.ActivityExecutions.Add(new ActivityExecution
            {
                Id = Guid.NewGuid(), InstanceId = directive.InstanceId, ActivityId = "cascade-wards", ActivityType = "Cascade",
                Status = ActivityExecutionStatus.Running, ExpectedBranches = 504, WrittenBranches = 120, CreatedAt = UiTestData.Now,
            });
            await db.SaveChangesAsync(Ct);
        }

        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        var url = "/directives/" + (await FirstDirectiveIdAsync());
        var writing = await issuer.PageAsync(url);
        Assert.Contains("Đang giao nhiệm vụ cho các đơn vị: 120/504", writing, StringComparison.Ordinal);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"2\"", writing, StringComparison.Ordinal);

        await using (var db = _app.Database.CreateContext())
        {
            await db.ActivityExecutions.ExecuteUpdateAsync(s => s.SetProperty(e => e.WrittenBranches, 504), Ct);
        }

        var written = await issuer.PageAsync(url);
        Assert.DoesNotContain("http-equiv=\"refresh\"", written, StringComparison.Ordinal);
        Assert.DoesNotContain("Đang giao nhiệm vụ", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_typed_in_the_form_shows_on_the_directive_page_and_filters_the_list_by_issue_date()
    {
        var today = VietnamTime.DateOf(UiTestData.Now);
        var issuedOn = today.AddDays(-3);
        var deadline = today.AddDays(60);
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        var form = await issuer.PageAsync("/directives/new?flow=party-conclusion");
        // Text inputs typed dd/MM/yyyy, as everywhere else: a native date input shows mm/dd/yyyy in an English browser.
        Assert.Matches("id=\"issued-on\" name=\"Input.IssuedOn\" placeholder=\"ngày/tháng/năm\" inputmode=\"numeric\"", form);
        Assert.Matches("id=\"deadline\" name=\"Input.Deadline\" placeholder=\"ngày/tháng/năm\" inputmode=\"numeric\"", form);
        Assert.DoesNotContain("type=\"date\"", form, StringComparison.Ordinal);

        using var response = await issuer.PostFormAsync("/directives/new?flow=party-conclusion", "issue", IssueForm(new()
        {
            ["Input.IssuedOn"] = Shown(issuedOn),
            ["Input.SignerName"] = "Nguyễn Văn A",
            ["Input.SignerPosition"] = "Bí thư Thành ủy",
            ["Input.Summary"] = "Về đẩy nhanh tiến độ dự án Vành đai 4",
            ["Input.Deadline"] = Shown(deadline),
        }, await UnitIdAsync("01-PARTY")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await issuer.PageAsync(response.Headers.Location!.PathAndQuery());
        Assert.Contains($"data-testid=\"issued-on\">{Shown(issuedOn)}<", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signer\">Nguyễn Văn A — Bí thư Thành ủy<", page, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"directive-deadline\">{Shown(deadline)}<", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"summary\">Về đẩy nhanh tiến độ dự án Vành đai 4<", page, StringComparison.Ordinal);

        var inRange = await issuer.PageAsync($"/directives?issuedFrom={Shown(issuedOn)}&issuedTo={Shown(today)}");
        Assert.Contains("Vành đai 4", inRange, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Shown(issuedOn)}\"", inRange, StringComparison.Ordinal);
        Assert.DoesNotContain("Vành đai 4", await issuer.PageAsync($"/directives?issuedFrom={Iso(today)}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_future_issue_date_a_position_without_a_name_and_a_deadline_before_the_issue_date_are_refused_next_to_their_fields()
    {
        var today = VietnamTime.DateOf(UiTestData.Now);
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        using var futureIssue = await issuer.PostFormAsync("/directives/new?flow=party-conclusion", "issue", IssueForm(new()
        {
            ["Input.IssuedOn"] = Iso(today.AddDays(5)),
            ["Input.SignerPosition"] = "Bí thư Thành ủy",
        }, await UnitIdAsync("01-PARTY")));
        using var earlyDeadline = await issuer.PostFormAsync("/directives/new?flow=party-conclusion", "issue", IssueForm(new()
        {
            ["Input.IssuedOn"] = Iso(today.AddDays(-3)),
            ["Input.Deadline"] = Iso(today.AddDays(-4)),
        }, await UnitIdAsync("01-PARTY")));

        var first = (await futureIssue.Content.ReadAsStringAsync(Ct)).Replace("\n", " ", StringComparison.Ordinal);
        var second = (await earlyDeadline.Content.ReadAsStringAsync(Ct)).Replace("\n", " ", StringComparison.Ordinal);
        Assert.Matches("id=\"issued-on\"[^>]*/>\\s*<span class=\"field-error\"[^>]*>Ngày ban hành " + Shown(today.AddDays(5)), first);
        Assert.Matches("id=\"signer-name\"[^>]*/>\\s*<span class=\"field-error\"[^>]*>Cần ghi họ tên người ký", first);
        Assert.Matches("id=\"deadline\"[^>]*/>\\s*<span class=\"field-error\"[^>]*>Hạn hoàn thành " + Shown(today.AddDays(-4)), second);
        using var badDate = await issuer.PostFormAsync("/directives/new?flow=party-conclusion", "issue", IssueForm(new()
        {
            ["Input.IssuedOn"] = "31/02/2026",
        }, await UnitIdAsync("01-PARTY")));
        var third = (await badDate.Content.ReadAsStringAsync(Ct)).Replace("\n", " ", StringComparison.Ordinal);
        Assert.Matches("id=\"issued-on\"[^>]*/>\\s*<span class=\"field-error\"[^>]*>“31/02/2026” không phải là ngày hợp lệ", third);
        Assert.Contains("value=\"31/02/2026\"", third, StringComparison.Ordinal);
        await using var db = _app.Database.CreateContext();
        Assert.False(await db.Directives.AnyAsync(Ct));
    }

    /// <summary>A valid issue form for the party conclusion from <paramref name="unitId"/>, with <paramref name="document"/>'s fields added.</summary>
    private static Dictionary<string, string> IssueForm(Dictionary<string, string> document, Guid unitId)
    {
        document["Input.Flow"] = "party-conclusion";
        document["Input.Number"] = "Kết luận số 20-KL/TU";
        document["Input.Title"] = "Về dự án Vành đai 4";
        document["Input.Priority"] = "Normal";
        document["Input.IssuingUnitId"] = unitId.ToString();
        document["Input.Inputs[deadlineDays]"] = "7";
        return document;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Shown(DateOnly day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Guid> UnitIdAsync(string code)
    {
        await using var db = _app.Database.CreateContext();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(Ct);
    }

    private async Task<Guid> FirstDirectiveIdAsync()
    {
        await using var db = _app.Database.CreateContext();
        return await db.Directives.Select(d => d.Id).FirstAsync(Ct);
    }

    private static int CountOf(string html, string key) => int.Parse(
        System.Text.RegularExpressions.Regex.Match(html, $"class=\"count count--{key}[^\"]*\"[^>]*>\\s*<span class=\"count__value\">(\\d+)<").Groups[1].Value,
        System.Globalization.CultureInfo.InvariantCulture);
}
