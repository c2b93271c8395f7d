using DirectiveFlow.Core.Tasks;
using DirectiveFlow.TestSupport;
using static DirectiveFlow.Infrastructure.Tests.Scheduling.SchedulingHarness;

namespace DirectiveFlow.Infrastructure.Tests.Scheduling;

public sealed class DigestTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_daily_digest_is_one_email_per_unit_listing_its_tasks_by_category(string provider)
    {
        await using var h = await CreateAsync(provider, Local(2026, 2, 27, 9));
        await h.AddTaskAsync(1, "Nhiệm vụ quá hạn");
        h.MoveTo(Local(2026, 3, 2, 9));
        await h.AddTaskAsync(1, "Nhiệm vụ sắp đến hạn");
        await h.AddTaskAsync(10, "Nhiệm vụ còn trong hạn");
        await h.AddTaskAsync(1, "Nhiệm vụ đã hoàn thành", t => t.Status = UnitTaskStatus.Completed);
        h.MoveTo(Local(2026, 3, 3, 7, 30));

        Assert.Equal(1, await h.DigestAsync());
        Assert.Equal(0, await h.DigestAsync());
        await h.DispatchAllAsync();

        var digest = Assert.Single(h.Mailbox.All());
        Assert.Equal([WardHead, "vanphong@hoankiem.hanoi.gov.vn"], digest.To);
        Assert.Equal("[Nhiệm vụ ngày 03/03/2026] UBND phường Hoàn Kiếm: 3 nhiệm vụ đang theo dõi", digest.Subject);
        var text = digest.Text;
        var overdue = text.IndexOf("Quá hạn chưa hoàn thành (1)", StringComparison.Ordinal);
        var soon = text.IndexOf("Sắp đến hạn (1)", StringComparison.Ordinal);
        var within = text.IndexOf("Chưa hoàn thành, trong hạn (1)", StringComparison.Ordinal);
        Assert.True(overdue >= 0 && soon > overdue && within > soon, text);
        Assert.True(text.IndexOf("Nhiệm vụ quá hạn", StringComparison.Ordinal) < soon, text);
        Assert.DoesNotContain("Nhiệm vụ đã hoàn thành", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task No_digest_is_written_on_a_Tet_holiday(string provider)
    {
        await using var h = await CreateAsync(provider, Local(2026, 2, 10, 9));
        await h.AddTaskAsync(3);
        h.MoveTo(Local(2026, 2, 17, 7, 30));

        Assert.Equal(0, await h.DigestAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_weekly_summary_goes_to_unit_heads_and_issuers_on_the_weeks_first_working_day(string provider)
    {
        // Monday 27/04/2026 is the day off for Giỗ Tổ Hùng Vương: the summary of week 17 goes on Tuesday 28/04.
        await using var h = await CreateAsync(provider, Local(2026, 4, 15, 9));
        await h.AddTaskAsync(2, "Nhiệm vụ quá hạn tuần trước");
        await h.AddTaskAsync(20, "Nhiệm vụ còn dài hạn");
        h.MoveTo(Local(2026, 4, 27, 8));
        Assert.Equal(0, await h.WeeklyAsync());
        h.MoveTo(Local(2026, 4, 28, 8));

        Assert.Equal(3, await h.WeeklyAsync());
        Assert.Equal(0, await h.WeeklyAsync());
        await h.DispatchAllAsync();

        var emails = h.Mailbox.All();
        // The ward's head (its own unit), the superior unit's head (its sub-unit) and the issuer (its directive).
        Assert.Equal(3, emails.Count);
        Assert.Single(emails, m => m.To.Contains(WardHead));
        Assert.Single(emails, m => m.To.Contains(ParentHead));
        Assert.Single(emails, m => m.To.Contains(IssuerHead));
        Assert.All(emails, m => Assert.StartsWith("[Báo cáo tuần 17/2026]", m.Subject, StringComparison.Ordinal));
        Assert.All(emails, m => Assert.Contains("Tổng số 2: đúng hạn 0 / quá hạn 0 / trong hạn 1 / quá hạn chưa hoàn thành 1", m.Text, StringComparison.Ordinal));
        Assert.All(emails, m => Assert.Contains("1. UBND phường Hoàn Kiếm — 1 nhiệm vụ quá hạn", m.Text, StringComparison.Ordinal));
        Assert.All(emails, m => Assert.Contains("Nhiệm vụ quá hạn tuần trước", m.Text, StringComparison.Ordinal));
        Assert.All(emails, m => Assert.Equal(["Báo cáo tuần 17-2026.xlsx", "Báo cáo tuần 17-2026.pdf"], m.Attachments));
    }
}
