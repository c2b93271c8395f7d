using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Reports;
using DirectiveFlow.Infrastructure.Reports.Ranking;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Reports;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using static DirectiveFlow.Infrastructure.Tests.Scheduling.SchedulingHarness;

namespace DirectiveFlow.Infrastructure.Tests.Scheduling;

/// <summary>The weekly email to the leadership: the ten units most behind in its body, the recipient's report attached, read from the SMTP catcher.</summary>
public sealed class WeeklySummaryEmailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_weekly_email_names_the_ten_units_most_behind_and_attaches_the_recipients_report(string provider)
    {
        await using var h = await CreateAsync(provider, Local(2026, 4, 15, 9));
        var wards = await AddWardsAsync(h, 12);
        for (var i = 0; i < wards.Count; i++)
        {
            // Ward n has n overdue tasks and one far from its deadline: the ranking is ward 12, 11, … 1.
            for (var n = 0; n <= i; n++)
            {
                await h.AddTaskAsync(2, $"Giải phóng mặt bằng đợt {n + 1}", t => t.UnitId = wards[i].Id);
            }

            await h.AddTaskAsync(30, "Rà soát cuối năm", t => t.UnitId = wards[i].Id);
        }

        h.MoveTo(Local(2026, 4, 28, 8));
        Assert.Equal(2, await h.WeeklyAsync());
        await h.DispatchAllAsync();

        var issuer = Assert.Single(h.Mailbox.All(), m => m.To.Contains(IssuerHead));
        var named = wards.AsEnumerable().Reverse().Take(10).Select((w, i) => $"{i + 1}. {w.Name} — {12 - i} nhiệm vụ quá hạn").ToList();
        var start = issuer.Text.IndexOf("Các đơn vị chậm nhất:", StringComparison.Ordinal);
        var mostBehind = issuer.Text[start..issuer.Text.IndexOf("Nhiệm vụ quá hạn (20/78)", StringComparison.Ordinal)];
        Assert.Equal(named, mostBehind.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
            .Select(line => line[..line.IndexOf(", tỷ lệ", StringComparison.Ordinal)]));

        var xlsx = Assert.Single(issuer.Files, f => f.FileName == "Báo cáo tuần 17-2026.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.ContentType);
        var sheets = ReportFileReader.Sheets(xlsx.Content);
        Assert.Equal(wards.AsEnumerable().Reverse().Select(w => w.Code), sheets["Xếp hạng"].Select(r => (string?)r["Mã đơn vị"]));
        Assert.Equal(78d, sheets["Tổng hợp"][^1]["Quá hạn chưa hoàn thành"]);
        var pdf = ReportFileReader.PdfPages(Assert.Single(issuer.Files, f => f.FileName == "Báo cáo tuần 17-2026.pdf").Content);
        var text = string.Join('\n', pdf);
        Assert.Contains("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", pdf[0], StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", pdf[0], StringComparison.Ordinal);
        Assert.Contains("tuần 17 năm 2026", pdf[0], StringComparison.Ordinal);
        Assert.Contains("UBND phường Số 12", text, StringComparison.Ordinal);
        Assert.Contains("Giải phóng mặt bằng đợt 12", text, StringComparison.Ordinal);

        // The department's head gets the report of the department and the wards below it, nothing else.
        var department = Assert.Single(h.Mailbox.All(), m => m.To.Contains(ParentHead));
        var codes = ReportFileReader.Sheets(department.Files.Single(f => f.FileName.EndsWith(".xlsx", StringComparison.Ordinal)).Content)["Xếp hạng"]
            .Select(r => (string?)r["Mã đơn vị"]).ToList();
        Assert.Equal(12, codes.Count);
        Assert.All(codes, c => Assert.Contains(c, wards.Select(w => w.Code)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_weekly_email_counts_the_finished_weeks_own_assignments_and_completions(string provider)
    {
        // Regression: the week's figures were read for the empty week starting at its end, so they were always 0.
        await using var h = await CreateAsync(provider, Local(2026, 4, 21, 9));
        await h.AddTaskAsync(5, "Báo cáo tiến độ giải phóng mặt bằng", t =>
        {
            t.Status = UnitTaskStatus.Completed;
            t.CompletedAt = Local(2026, 4, 23, 15);
        });
        await h.AddTaskAsync(1, "Rà soát hồ sơ tồn đọng");

        h.MoveTo(Local(2026, 4, 28, 8));
        Assert.Equal(3, await h.WeeklyAsync());
        await h.DispatchAllAsync();

        Assert.All(h.Mailbox.All(), m => Assert.Contains(
            "Trong tuần giao 2 nhiệm vụ; hoàn thành đúng hạn 1, quá hạn 0; cuối tuần còn 1 nhiệm vụ quá hạn.", m.Text, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_units_with_overdue_tasks_are_named_among_the_slowest(string provider)
    {
        // Regression: the lists took the first units of the ranking whatever their figures, so a ward head's email read
        // "Các đơn vị chậm nhất: 1. <own unit> — 0 nhiệm vụ quá hạn", and the overview's "Chậm nhất" was padded likewise.
        await using var h = await CreateAsync(provider, Local(2026, 4, 15, 9));
        var late = (await AddWardsAsync(h, 1))[0];
        await h.AddTaskAsync(20, "Rà soát cuối năm");
        await h.AddTaskAsync(5, "Báo cáo sơ kết", t =>
        {
            t.Status = UnitTaskStatus.Completed;
            t.CompletedAt = Local(2026, 4, 16, 9);
        });
        await h.AddTaskAsync(2, "Giải phóng mặt bằng", t => t.UnitId = late.Id);

        h.MoveTo(Local(2026, 4, 28, 8));
        await using (var scope = h.Services.CreateAsyncScope())
        {
            var lists = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new ListBehindAndBestQuery(ReportScope.Everything, ReportFilter.None, 5), Ct);
            Assert.Equal([late.Id], lists.Behind.Select(u => u.UnitId));
            Assert.Equal([h.Ward.Id], lists.Best.Select(u => u.UnitId));
        }

        Assert.Equal(3, await h.WeeklyAsync());
        await h.DispatchAllAsync();

        var ward = Assert.Single(h.Mailbox.All(), m => m.To.Contains(WardHead));
        Assert.DoesNotContain("Các đơn vị chậm nhất", ward.Text, StringComparison.Ordinal);
        var issuer = Assert.Single(h.Mailbox.All(), m => m.To.Contains(IssuerHead));
        var start = issuer.Text.IndexOf("Các đơn vị chậm nhất:", StringComparison.Ordinal);
        var mostBehind = issuer.Text[start..issuer.Text.IndexOf("Nhiệm vụ quá hạn (1/1)", StringComparison.Ordinal)];
        Assert.Equal(["1. UBND phường Số 01 — 1 nhiệm vụ quá hạn"], mostBehind.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1).Select(line => line[..line.IndexOf(", tỷ lệ", StringComparison.Ordinal)]));
    }

    private static async Task<List<OrgUnit>> AddWardsAsync(SchedulingHarness h, int count)
    {
        var wards = Enumerable.Range(1, count).Select(i => new OrgUnit
        {
            Id = FixedId($"ward-{i}"),
            Code = $"{i + 100:00000}-COMMITTEE",
            Name = $"UBND phường Số {i:00}",
            Pillar = Pillar.Committee,
            Level = UnitLevel.Commune,
            ParentId = h.Parent.Id,
            LocalityId = h.Ward.LocalityId,
            LocalityCode = $"{i + 100:00000}",
        }).ToList();
        await using var db = h.Db();
        db.Units.AddRange(wards);
        await db.SaveChangesAsync(Ct);
        return wards;
    }
}
