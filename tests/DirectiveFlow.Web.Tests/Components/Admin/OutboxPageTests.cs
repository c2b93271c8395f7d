using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email.Outbox;
using DirectiveFlow.Web.Tests.Components.Directives;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Components.Admin;

/// <summary>
/// The admin outbox right after a cascade: its assignment notices wait as lists until the next dispatch writes them as
/// emails, and the pending tab says so (how many, since when) and counts them, instead of showing an empty outbox; once
/// written, they are the tab's rows.
/// </summary>
public sealed partial class OutboxPageTests : IAsyncLifetime
{
    private DirectiveFlowWebFactory _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = await UiApp.StartAsync();
        await ShippedFlows.PublishAsync(_app, ["party-conclusion"], Ct);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_cascades_notices_waiting_for_the_dispatch_are_shown_and_counted_on_the_pending_tab()
    {
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");
        Guid unitId;
        await using (var db = _app.Database.CreateContext())
        {
            unitId = await db.Units.Where(u => u.Code == "01-PARTY").Select(u => u.Id).SingleAsync(Ct);
        }

        using var issued = await issuer.PostFormAsync("/directives/new?flow=party-conclusion", "issue", new()
        {
            ["Input.Flow"] = "party-conclusion", ["Input.Number"] = "Kết luận số 31-KL/TU", ["Input.Title"] = "Về thư gửi đi",
            ["Input.Priority"] = "Normal", ["Input.IssuingUnitId"] = unitId.ToString(), ["Input.Inputs[deadlineDays]"] = "7",
        });
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);

        int notices, lists, rowsBefore;
        await using (var db = _app.Database.CreateContext())
        {
            notices = await db.OutboxModels.Where(m => m.NoticeCount > 0).SumAsync(m => m.NoticeCount, Ct);
            lists = await db.OutboxModels.CountAsync(m => m.NoticeCount > 0, Ct);
            rowsBefore = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending && m.Attempts == 0, Ct);
        }

        Assert.True(notices > 0, "the cascade left no notice list");
        using var admin = await UiBrowser.SignedInAsync(_app, "admin");
        var page = await admin.PageAsync("/admin/outbox");
        var queued = WebUtility.HtmlDecode(QueuedLine().Match(page).Groups[1].Value);
        Assert.StartsWith($"{notices.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} thông báo giao việc (của {lists} lượt giao việc, kể từ ", queued, StringComparison.Ordinal);
        Assert.Matches("từ \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\)", queued);
        Assert.Contains($"({rowsBefore + notices})", PendingTab().Match(page).Value, StringComparison.Ordinal);
        // No email row yet: not "no email", and no empty table, but the line above.
        Assert.Equal(0, rowsBefore);
        Assert.DoesNotContain("Không có thư nào.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<table class=\"data outbox\">", page, StringComparison.Ordinal);

        // The dispatch's first move writes them as emails: the line goes, the rows come, the count stays.
        await using (var db = _app.Database.CreateContext())
        {
            await NoticeExpansion.ExpandAsync(db, _app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), Ct);
        }

        var after = await admin.PageAsync("/admin/outbox");
        Assert.DoesNotContain("data-testid=\"outbox-queued\"", after, StringComparison.Ordinal);
        Assert.Contains($"({rowsBefore + notices})", PendingTab().Match(after).Value, StringComparison.Ordinal);
        Assert.Contains("<table class=\"data outbox\">", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dead_letters_error_is_named_in_Vietnamese_with_the_servers_own_words_underneath()
    {
        await using (var db = _app.Database.CreateContext())
        {
            var at = _app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            db.Outbox.Add(new OutboxMessage
            {
                DedupeKey = "outbox-page-error", To = "chutich@hoankiem.hanoi.gov.vn", Subject = "Thư lỗi", HtmlBody = "", TextBody = "Nội dung",
                Status = OutboxStatus.DeadLetter, Attempts = 5, CreatedAt = at, NextAttemptAt = at,
                LastError = "SmtpCommandException MessageNotAccepted: 5.7.1 Message rejected as spam",
            });
            await db.SaveChangesAsync(Ct);
        }

        using var admin = await UiBrowser.SignedInAsync(_app, "admin");
        var page = await admin.PageAsync("/admin/outbox?tab=deadLetter");

        var cell = WebUtility.HtmlDecode(ErrorCell().Match(page).Groups[1].Value);
        Assert.Matches("<summary>Máy chủ thư từ chối thư</summary>\\s*<span class=\"hint\" lang=\"en\">SmtpCommandException MessageNotAccepted: 5.7.1 Message rejected as spam</span>", cell);
    }

    [GeneratedRegex("<td data-label=\"Lỗi gần nhất\" class=\"outbox__error\">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex ErrorCell();

    [GeneratedRegex("data-testid=\"outbox-queued\">\\s*(.*?)\\s*</p>", RegexOptions.Singleline)]
    private static partial Regex QueuedLine();

    [GeneratedRegex("tab=pending\"[^>]*>\\s*Chờ gửi <span class=\"muted\">\\(\\d+\\)</span>")]
    private static partial Regex PendingTab();
}
