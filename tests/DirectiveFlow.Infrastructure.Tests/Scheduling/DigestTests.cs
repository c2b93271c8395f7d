using System.Reflection;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Addressing;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Reports.Weekly;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Scheduling.Digests;
using DirectiveFlow.TestSupport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static DirectiveFlow.Infrastructure.Tests.Scheduling.SchedulingHarness;

namespace DirectiveFlow.Infrastructure.Tests.Scheduling;

public sealed class DigestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
    public async Task A_deactivated_officer_gets_no_more_unit_mail_and_an_active_one_does(string provider)
    {
        // Regression: the directory read every account of the unit with an address, active or not, so a deactivated
        // officer kept receiving the unit's digests, reminders and the head's mail when the unit had no head address.
        await using var h = await CreateAsync(provider, Local(2026, 3, 2, 9));
        await h.AddTaskAsync(3);
        await using (var db = h.Db())
        {
            db.Users.Add(Officer("canbo", "canbo@hoankiem.hanoi.gov.vn", active: true));
            db.Users.Add(Officer("nghiviec", "nghiviec@hoankiem.hanoi.gov.vn", active: false));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        h.MoveTo(Local(2026, 3, 3, 7, 30));
        Assert.Equal(1, await h.DigestAsync());
        await h.DispatchAllAsync();

        var digest = Assert.Single(h.Mailbox.All());
        Assert.Equal([WardHead, "vanphong@hoankiem.hanoi.gov.vn", "canbo@hoankiem.hanoi.gov.vn"], digest.To);

        // A reminder to the head of a unit without a head address goes to its officers: the active ones only.
        await using var read = h.Db();
        var ward = (await MailDirectory.UnitsAsync(read, [h.Ward.Id], TestContext.Current.CancellationToken))[h.Ward.Id] with { HeadEmail = null };
        Assert.Equal(["vanphong@hoankiem.hanoi.gov.vn", "canbo@hoankiem.hanoi.gov.vn"], MailRecipients.Head(ward).To);
        Assert.Equal(["vanphong@hoankiem.hanoi.gov.vn", "canbo@hoankiem.hanoi.gov.vn"], MailRecipients.Officers(ward).To);

        // A flow's Notify to the holders of a role at the issuing unit, or to a deactivated issuer: the active ones only.
        await using (var db = h.Db())
        {
            var role = new Microsoft.AspNetCore.Identity.IdentityRole<Guid> { Id = Guid.NewGuid(), Name = Roles.Issuer, NormalizedName = Roles.Issuer.ToUpperInvariant() };
            var former = Officer("vanthu-cu", "vanthu.cu@hanoi.gov.vn", active: false);
            former.UnitId = h.Issuer.Id;
            var current = Officer("vanthu", "vanthu@hanoi.gov.vn", active: true);
            current.UnitId = h.Issuer.Id;
            db.Roles.Add(role);
            db.Users.AddRange(former, current);
            db.UserRoles.AddRange(new() { UserId = former.Id, RoleId = role.Id }, new() { UserId = current.Id, RoleId = role.Id });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var holders = await NotifyAddressing.RecipientsAsync(read, "issuer", Roles.Issuer, h.Ward.Id, h.Issuer.Id, "vanthu-cu", TestContext.Current.CancellationToken);
        Assert.Equal(["vanthu@hanoi.gov.vn"], holders.To);
        var issuer = await NotifyAddressing.RecipientsAsync(read, "issuer", null, h.Ward.Id, h.Issuer.Id, "vanthu-cu", TestContext.Current.CancellationToken);
        Assert.Equal([IssuerHead], issuer.To);

        AppUser Officer(string name, string email, bool active) => new()
        {
            Id = Guid.NewGuid(),
            UserName = name,
            NormalizedUserName = name.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            UnitId = h.Ward.Id,
            IsActive = active,
        };
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_unit_with_no_address_gets_no_digest_to_fail_into_a_dead_letter(string provider)
    {
        await using var h = await CreateAsync(provider, Local(2026, 3, 2, 9));
        await h.AddTaskAsync(3, "Nhiệm vụ của phường chưa có địa chỉ thư");
        await using (var db = h.Db())
        {
            await db.Units.Where(u => u.Id == h.Ward.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.HeadEmail, (string?)null)
                .SetProperty(u => u.ContactEmails, (string?)null), Ct);
            await db.Users.Where(u => u.UnitId == h.Ward.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, (string?)null), Ct);
        }

        h.MoveTo(Local(2026, 3, 3, 7, 30));

        Assert.Equal(0, await h.DigestAsync());
        await using var read = h.Db();
        Assert.False(await read.Outbox.AnyAsync(m => m.DedupeKey.StartsWith("digest:"), Ct));
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

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_weekly_summary_whose_first_working_day_is_missed_goes_on_the_next_one_once(string provider)
    {
        // Regression: the summary was tried on the week's first working day only. After the Tết week (Monday 16 to
        // Friday 20/02/2026 all off) the report of 09–15/02 was never sent, nor a week's whose Monday the node was down.
        await using var h = await CreateAsync(provider, Local(2026, 2, 9, 9));
        await h.AddTaskAsync(2, "Nhiệm vụ trước Tết");
        h.MoveTo(Local(2026, 2, 20, 8));
        Assert.Equal(0, await h.WeeklyAsync());

        // Monday 23/02: the summaries of week 7 (09–15/02) and of the Tết week 8, each once to each of the three heads.
        h.MoveTo(Local(2026, 2, 23, 8));
        Assert.Equal(6, await h.WeeklyAsync());
        Assert.Equal(0, await h.WeeklyAsync());
        h.MoveTo(Local(2026, 2, 24, 8));
        Assert.Equal(0, await h.WeeklyAsync());

        // No run on Monday 02/03 (the node was down): Tuesday sends week 9's, Wednesday nothing more.
        h.MoveTo(Local(2026, 3, 3, 8));
        Assert.Equal(3, await h.WeeklyAsync());
        h.MoveTo(Local(2026, 3, 4, 8));
        Assert.Equal(0, await h.WeeklyAsync());
        await h.DispatchAllAsync();

        var subjects = h.Mailbox.All().Select(m => m.Subject[..m.Subject.IndexOf(']', StringComparison.Ordinal)]).ToList();
        Assert.Equal(9, subjects.Count);
        Assert.All(new[] { "[Báo cáo tuần 7/2026", "[Báo cáo tuần 8/2026", "[Báo cáo tuần 9/2026" }, s => Assert.Equal(3, subjects.Count(x => x == s)));
        Assert.Single(h.Mailbox.All(), m => m.To.Contains(WardHead) && m.Subject.StartsWith("[Báo cáo tuần 7/2026]", StringComparison.Ordinal)
            && m.Text.Contains("(09/02/2026 – 15/02/2026)", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_weekly_summary_that_fails_for_one_head_still_goes_to_the_others_and_is_retried_the_next_working_day(string provider)
    {
        // Regression: one recipient's exception stopped the run, so the heads after it got nothing that week.
        await using var h = await CreateAsync(provider, Local(2026, 4, 15, 9));
        await h.AddTaskAsync(2, "Nhiệm vụ quá hạn tuần trước");
        h.MoveTo(Local(2026, 4, 28, 8));
        var log = new ListLogger();

        Assert.Equal(2, await WeeklyFailingForAsync(h, h.Ward.Id, log));
        var error = Assert.Single(log.Errors);
        Assert.Contains(h.Ward.Id.ToString(), error, StringComparison.Ordinal);

        h.MoveTo(Local(2026, 4, 29, 8));
        Assert.Equal(1, await h.WeeklyAsync());
        Assert.Equal(0, await h.WeeklyAsync());
        await h.DispatchAllAsync();
        Assert.Single(h.Mailbox.All(), m => m.To.Contains(WardHead));
        Assert.Equal(3, h.Mailbox.All().Count);
    }

    /// <summary>The weekly run as wired, but the report of <paramref name="unitId"/>'s head throws.</summary>
    private static async Task<int> WeeklyFailingForAsync(SchedulingHarness h, Guid unitId, ListLogger log)
    {
        await using var scope = h.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var sender = FailingSender.For(services.GetRequiredService<ISender>(), request => request is GetWeeklyReportQuery q && q.BodyUnitId == unitId);
        var service = new WeeklySummaryService(
            services.GetRequiredService<DirectiveFlowDbContext>(), h.Calendar, new OutboxWriter(h.Clock), h.Outbox,
            services.GetRequiredService<SchedulingOptions>(), sender, log);
        return await service.SendAsync(h.Clock.GetUtcNow(), TestContext.Current.CancellationToken);
    }

    /// <summary>An <see cref="ISender"/> passing every call on to the product's, except that a request <c>fails</c> picks throws.</summary>
    public class FailingSender : DispatchProxy
    {
        private ISender _inner = null!;
        private Func<object?, bool> _fails = null!;

        public static ISender For(ISender inner, Func<object?, bool> fails)
        {
            var proxy = Create<ISender, FailingSender>();
            var self = (FailingSender)(object)proxy;
            (self._inner, self._fails) = (inner, fails);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            args is [var request, ..] && _fails(request)
                ? throw new InvalidOperationException("The report cannot be built.")
                : targetMethod!.Invoke(_inner, args);
    }

    private sealed class ListLogger : ILogger<WeeklySummaryService>
    {
        public List<string> Errors { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error)
            {
                Errors.Add(formatter(state, exception));
            }
        }
    }
}
