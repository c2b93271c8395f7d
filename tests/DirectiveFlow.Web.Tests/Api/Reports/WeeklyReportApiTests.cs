using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Reports;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Reports;

/// <summary>The weekly report API: one report in three formats that agree, its file names, its week check, roles and scope.</summary>
public sealed class WeeklyReportApiTests
{
    private const string Week = "2026-W10";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_list_names_its_directive_by_type_number_and_issue_date(string provider)
    {
        await using var world = await ReportsApiWorld.CreateAsync(provider);
        await using (var db = world.App.Database.CreateContext())
        {
            await db.Directives.Where(d => d.Id == world.CommitteeDirective)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.IssuedOn, new DateOnly(2026, 2, 27)), Ct);
        }

        using var issuer = await world.App.CreateClientForAsync("01-PARTY");
        var report = await ReportsApiWorld.GetAsync(issuer, $"/api/reports/weekly?week={Week}");
        var sheets = ReportFileReader.Sheets(await DownloadAsync(issuer, $"/api/reports/weekly?week={Week}&format=xlsx", "xlsx"));

        var named = report.GetProperty("overdue").GetProperty("items").EnumerateArray()
            .Concat(report.GetProperty("completed").GetProperty("items").EnumerateArray())
            .Where(t => t.GetProperty("directiveId").GetGuid() == world.CommitteeDirective)
            .Select(t => t.GetProperty("directiveNumber").GetString()).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, n => Assert.Equal("Chỉ thị số 07/CT-UBND ngày 27/02/2026", n));
        Assert.Contains(sheets["Quá hạn"], r => (string?)r["Số văn bản"] == "Chỉ thị số 07/CT-UBND ngày 27/02/2026");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_json_the_workbook_and_the_pdf_carry_the_same_report(string provider)
    {
        await using var world = await ReportsApiWorld.CreateAsync(provider);
        using var issuer = await world.App.CreateClientForAsync("01-PARTY");

        var report = await ReportsApiWorld.GetAsync(issuer, $"/api/reports/weekly?week={Week}");
        var overview = await ReportsApiWorld.GetAsync(issuer, "/api/reports/overview");
        var sheets = ReportFileReader.Sheets(await DownloadAsync(issuer, $"/api/reports/weekly?week={Week}&format=xlsx", "xlsx"));
        var pages = ReportFileReader.PdfPages(await DownloadAsync(issuer, $"/api/reports/weekly?week={Week}&format=pdf", "pdf"));

        Assert.Equal(Week, report.GetProperty("week").GetString());
        Assert.Equal("2026-03-02", report.GetProperty("weekStart").GetString());
        Assert.Equal(overview.GetProperty("totals").ToString(), report.GetProperty("totals").ToString());
        Assert.Equal(["Thông tin", "Tổng hợp", "Xếp hạng", "Quá hạn", "Hoàn thành trong tuần", "Chưa triển khai tới"], sheets.Keys);
        // The week as people write it, not its ISO code (which stays in the JSON and the address).
        Assert.Equal("10/2026", sheets["Thông tin"].Single(r => (string?)r["Nội dung"] == "Tuần")["Giá trị"]);

        var summary = sheets["Tổng hợp"];
        var pillars = report.GetProperty("byPillar").EnumerateArray().Append(report.GetProperty("totals")).ToList();
        Assert.Equal(pillars.Count, summary.Count);
        foreach (var (row, json) in summary.Zip(pillars))
        {
            Assert.Equal(json.GetProperty("total").GetInt32(), Number(row["Tổng số"]));
            Assert.Equal(json.GetProperty("openOverdue").GetInt32(), Number(row["Quá hạn chưa hoàn thành"]));
            Assert.Equal(json.GetProperty("completedOnTime").GetInt32(), Number(row["Hoàn thành đúng hạn"]));
            Assert.Equal(json.GetProperty("notYetReached").GetInt32(), Number(row["Đơn vị chưa được giao"]));
        }

        var ranking = report.GetProperty("ranking").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(ranking.Select(u => u.GetProperty("unitCode").GetString()), sheets["Xếp hạng"].Select(r => (string?)r["Mã đơn vị"]));
        Assert.Equal(ranking.Select(u => u.GetProperty("openOverdue").GetInt32()), sheets["Xếp hạng"].Select(r => Number(r["Quá hạn chưa hoàn thành"])));
        Assert.Equal(ranking.Select(u => u.GetProperty("onTimeRate").ValueKind == JsonValueKind.Null ? (double?)null : u.GetProperty("onTimeRate").GetDouble()),
            sheets["Xếp hạng"].Select(r => r["Tỷ lệ đúng hạn"] is double d ? d : (double?)null));

        var overdue = report.GetProperty("overdue").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, report.GetProperty("overdue").GetProperty("total").GetInt32());
        Assert.Equal(overdue.Select(t => t.GetProperty("unitName").GetString()), sheets["Quá hạn"].Select(r => (string?)r["Đơn vị chủ trì"]));
        Assert.Equal(overdue.Select(t => t.GetProperty("daysOverdue").GetInt32()), sheets["Quá hạn"].Select(r => Number(r["Số ngày làm việc quá hạn"])));
        Assert.Equal(overdue.Select(t => t.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(7)).Date),
            sheets["Quá hạn"].Select(r => Assert.IsType<DateTime>(r["Hạn xử lý"])));

        // Completed this week: the city Party's plan (Monday) and two ward committees, one of them late.
        var completed = report.GetProperty("completed").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, completed.Count);
        Assert.Equal(report.GetProperty("thisWeek").GetProperty("completedOnTime").GetInt32() + report.GetProperty("thisWeek").GetProperty("completedLate").GetInt32(),
            completed.Count);
        Assert.Equal(completed.Select(t => t.GetProperty("onTime").GetBoolean() ? "Đúng hạn" : "Quá hạn"), sheets["Hoàn thành trong tuần"].Select(r => (string?)r["Kết quả"]));
        Assert.All(sheets["Hoàn thành trong tuần"], r => Assert.IsType<DateTime>(r["Ngày hoàn thành"]));
        var notReached = report.GetProperty("notReached").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, notReached.Count);
        Assert.Equal(notReached.Select(w => w.GetProperty("unitsWaiting").GetInt32()), sheets["Chưa triển khai tới"].Select(r => Number(r["Số đơn vị chưa được giao"])));

        // The PDF: the Party committee's header, the title with the week, Vietnamese names with every diacritic.
        var text = string.Join('\n', pages);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", text, StringComparison.Ordinal);
        Assert.Contains("THÀNH ỦY", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains("Hà Nội, ngày 05 tháng 03 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("Tình hình thực hiện nhiệm vụ tuần 10 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân phường Tây Tựu", text, StringComparison.Ordinal);
        Assert.Contains("HĐND Thành phố Hà Nội", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_bodies_get_the_national_motto_and_long_reports_run_onto_more_pages()
    {
        await using var world = await ReportsApiWorld.CreateAsync();
        using var committee = await world.App.CreateClientForAsync("01-COMMITTEE");

        var pages = ReportFileReader.PdfPages(await DownloadAsync(committee, $"/api/reports/weekly?week={Week}&format=pdf", "pdf"));

        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", pages[0], StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", pages[0], StringComparison.Ordinal);
        Assert.Contains("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("ĐẢNG CỘNG SẢN", pages[0], StringComparison.Ordinal);
        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        Assert.Contains("V. ĐƠN VỊ CHƯA ĐƯỢC GIAO", string.Join('\n', pages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_format_follows_the_Accept_header_when_not_named_and_files_carry_both_names()
    {
        await using var world = await ReportsApiWorld.CreateAsync();
        using var admin = await world.App.CreateClientForAsync("admin");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/weekly");
        request.Headers.Accept.ParseAdd("application/pdf");
        using var response = await admin.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("bao-cao-tuan-2026-W10.pdf", disposition.FileName?.Trim('"'));
        Assert.Equal("Báo cáo tuần 10-2026.pdf", disposition.FileNameStar);
        Assert.Contains("HỆ THỐNG THEO DÕI NHIỆM VỤ", ReportFileReader.PdfPages(await response.Content.ReadAsByteArrayAsync(Ct))[0], StringComparison.Ordinal);
        var json = await ReportsApiWorld.GetAsync(admin, "/api/reports/weekly");
        Assert.Equal(Week, json.GetProperty("week").GetString());
    }

    [Fact]
    public async Task A_week_not_yet_started_a_malformed_week_or_format_is_a_400_naming_the_field()
    {
        await using var world = await ReportsApiWorld.CreateAsync();
        using var admin = await world.App.CreateClientForAsync("admin");
        (string Query, string Field)[] cases =
            [("week=2026-W11", "week"), ("week=2026-49", "week"), ("week=2026-W54", "week"), ("week=2026-W10&format=docx", "format")];

        foreach (var (query, field) in cases)
        {
            using var response = await admin.GetAsync($"/api/reports/weekly?{query}", Ct);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
            Assert.Matches(@"^\p{L}", message);
            Assert.DoesNotContain(" / ", message, StringComparison.Ordinal);
            Assert.Contains(problem.GetProperty("codes").GetProperty(field)[0].GetString(), new[] { "not-a-week", "week-not-started", "not-allowed" });
        }

        using var past = await admin.GetAsync("/api/reports/weekly?week=2025-W40&format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
    }

    [Fact]
    public async Task Officers_get_403_anonymous_callers_401_and_a_ward_head_only_their_subtree()
    {
        await using var world = await ReportsApiWorld.CreateAsync();
        using var anonymous = world.App.CreateClient();
        using var officer = await world.App.CreateClientForAsync("00613-COMMITTEE");
        using var head = await world.App.CreateClientForAsync("00613-COMMITTEE.head");
        using var refused = await anonymous.GetAsync("/api/reports/weekly", Ct);
        using var forbidden = await officer.GetAsync("/api/reports/weekly?format=pdf", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var report = await ReportsApiWorld.GetAsync(head, $"/api/reports/weekly?week={Week}");
        var sheets = ReportFileReader.Sheets(await DownloadAsync(head, $"/api/reports/weekly?week={Week}&format=xlsx", "xlsx"));

        var codes = report.GetProperty("ranking").GetProperty("items").EnumerateArray().Select(u => u.GetProperty("unitCode").GetString())
            .Concat(report.GetProperty("overdue").GetProperty("items").EnumerateArray().Select(t => t.GetProperty("unitCode").GetString()))
            .Concat(report.GetProperty("completed").GetProperty("items").EnumerateArray().Select(t => t.GetProperty("unitCode").GetString()))
            .Concat(sheets.Values.SelectMany(rows => rows).Where(r => r.ContainsKey("Mã đơn vị")).Select(r => (string?)r["Mã đơn vị"]))
            .ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.Equal("00613-COMMITTEE", c));
        Assert.Equal(1, report.GetProperty("totals").GetProperty("total").GetInt32());
        Assert.Equal(0, report.GetProperty("notReached").GetProperty("total").GetInt32());
        Assert.Equal("ỦY BAN NHÂN DÂN PHƯỜNG TÂY TỰU", report.GetProperty("body").GetProperty("name").GetString());
        Assert.Equal("Tây Tựu", report.GetProperty("body").GetProperty("place").GetString());
    }

    private static int Number(object? cell) => Convert.ToInt32(Assert.IsType<double>(cell), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url, string extension)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal(($"bao-cao-tuan-{Week}.{extension}", $"Báo cáo tuần 10-2026.{extension}"), (disposition.FileName?.Trim('"'), disposition.FileNameStar));
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }
}
