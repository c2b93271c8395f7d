using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Digest;

namespace DirectiveFlow.Infrastructure.Tests.Email.Digest;

public sealed class EscalationDigestTests
{
    private static readonly Guid KeHoach = new("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid KetLuan = new("00000000-0000-0000-0000-0000000000a2");

    private static HeldEscalation Held(long row, int task, Guid directive, string number, string unit, int level, int late = 3, bool raised = false) => new(
        row, new Guid($"00000000-0000-0000-0000-{task:D12}"), directive, number, $"Tiêu đề {number}", unit, unit.ToUpperInvariant(),
        $"Nhiệm vụ {task}", $"https://df.test/tasks/{task}", "17:00 09/03/2026", level, raised, level, late, $"Lãnh đạo ({level})");

    [Fact]
    public void A_task_escalated_at_several_levels_to_the_same_recipient_appears_once_at_its_highest()
    {
        var model = EscalationDigest.Build(
            [Held(1, 1, KeHoach, "32/KH", "phuong-a", 2), Held(2, 1, KeHoach, "32/KH", "phuong-a", 3, raised: true), Held(3, 2, KeHoach, "32/KH", "phuong-b", 2)],
            "https://df.test/", new DateOnly(2026, 3, 17));

        var tasks = model.Directives.SelectMany(d => d.Units).SelectMany(u => u.Tasks).ToList();
        Assert.Equal(2, tasks.Count);
        Assert.Equal((3, true), tasks.Where(t => t.Title == "Nhiệm vụ 1").Select(t => (t.Level, t.Raised)).Single());
        Assert.Equal(new EscalationDigestCounts(2, 1, 2), model.Counts);
        Assert.Equal("https://df.test/overview", model.OverviewLink);
        Assert.Equal("17/03/2026", model.DateLocal);
        Assert.Equal("Lãnh đạo (3)", model.Recipient.Name);
    }

    [Fact]
    public void The_digest_is_grouped_by_directive_then_unit_with_each_units_most_late_task_first()
    {
        var model = EscalationDigest.Build(
        [
            Held(1, 1, KetLuan, "15-KL/TU", "phuong-b", 2, late: 1),
            Held(2, 2, KeHoach, "32/KH-UBND", "phuong-b", 2, late: 4),
            Held(3, 3, KetLuan, "15-KL/TU", "phuong-a", 2, late: 2),
            Held(4, 4, KetLuan, "15-KL/TU", "phuong-b", 2, late: 9),
        ], "https://df.test", new DateOnly(2026, 3, 17));

        Assert.Equal(["15-KL/TU", "32/KH-UBND"], model.Directives.Select(d => d.Number));
        var conclusion = model.Directives[0];
        Assert.Equal(3, conclusion.TaskCount);
        Assert.Equal(["phuong-a", "phuong-b"], conclusion.Units.Select(u => u.Name));
        Assert.Equal([9, 1], conclusion.Units[1].Tasks.Select(t => t.WorkingDaysLate));
        // A unit in two directives counts once.
        Assert.Equal(new EscalationDigestCounts(4, 2, 2), model.Counts);
    }

    [Fact]
    public void A_held_rows_completed_model_is_read_back()
    {
        const string Json = """
            {"task":{"id":"x","title":"Lập kế hoạch","dueLocal":"17:00 09/03/2026","link":"https://df.test/tasks/x"},
             "unit":{"name":"UBND phường Hoàn Kiếm","code":"00070-COMMITTEE","headName":null},
             "directive":{"number":"32/KH-UBND","title":"Giải quyết 5 điểm nghẽn"},"recipient":{"name":"Nguyễn Văn A (Sở Xây dựng)"},
             "workingDaysLate":4,"level":2,"chaseCount":3,"raised":false}
            """;
        var taskId = Guid.NewGuid();

        var held = HeldEscalation.FromModel(7, taskId, KeHoach, Json);

        Assert.Equal(new HeldEscalation(7, taskId, KeHoach, "32/KH-UBND", "Giải quyết 5 điểm nghẽn", "UBND phường Hoàn Kiếm", "00070-COMMITTEE",
            "Lập kế hoạch", "https://df.test/tasks/x", "17:00 09/03/2026", 2, false, 3, 4, "Nguyễn Văn A (Sở Xây dựng)"), held);
    }

    [Theory]
    [InlineData("escalation", "parentHead", true)]
    [InlineData("escalation", "issuerLeadership", true)]
    [InlineData("escalation", "unitHead", false)]
    [InlineData("escalation", "parentHead:immediate", false)]
    [InlineData("escalation", "issuerLeadership:immediate", false)]
    [InlineData("reminder", "parentHead", false)]
    [InlineData("escalation", null, false)]
    public void Only_escalations_to_a_superior_or_the_issuer_not_marked_immediate_are_held(string template, string? role, bool held) =>
        Assert.Equal(held, EscalationDigestWriter.Holds(template, role));

    [Fact]
    public void The_same_addresses_in_another_order_or_case_are_one_recipient()
    {
        Assert.Equal("a@x.vn;b@x.vn", EscalationDigestWriter.RecipientKey("B@x.vn; a@x.vn;b@x.vn"));
        var many = string.Join(';', Enumerable.Range(0, 20).Select(i => $"vanphong{i}@phuong.hanoi.gov.vn"));
        Assert.StartsWith("sha256-", EscalationDigestWriter.RecipientKey(many), StringComparison.Ordinal);
        Assert.Equal(EscalationDigestWriter.RecipientKey(many), EscalationDigestWriter.RecipientKey(string.Join(';', many.Split(';').Reverse())));
    }

    [Fact]
    public void The_daily_window_is_the_last_working_day_whose_time_has_passed()
    {
        var calendar = new WorkingDayCalendar(VietnamHolidays.For(2026));
        var at = new EscalationDigestOptions().At;
        static DateTimeOffset Local(int m, int d, int h, int min = 0) => new(2026, m, d, h, min, 0, TimeSpan.FromHours(7));

        Assert.Equal(new DateOnly(2026, 3, 17), EscalationDigestWriter.DailyWindow(Local(3, 17, 7, 30), at, calendar));
        Assert.Equal(new DateOnly(2026, 3, 16), EscalationDigestWriter.DailyWindow(Local(3, 17, 7, 29), at, calendar));
        // Saturday and Sunday belong to Friday's window; Monday before 07:30 too.
        Assert.Equal(new DateOnly(2026, 3, 20), EscalationDigestWriter.DailyWindow(Local(3, 22, 12), at, calendar));
        Assert.Equal(new DateOnly(2026, 3, 20), EscalationDigestWriter.DailyWindow(Local(3, 23, 6), at, calendar));
        // 30/04 and 01/05 are holidays.
        Assert.Equal(new DateOnly(2026, 4, 29), EscalationDigestWriter.DailyWindow(Local(5, 1, 9), at, calendar));
    }
}
