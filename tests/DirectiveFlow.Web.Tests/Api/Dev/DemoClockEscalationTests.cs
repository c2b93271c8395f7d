using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Web.Tests.Api.Directives;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Dev;

/// <summary>
/// The product as a demonstration runs it: demo mode, Quartz on, the embedded mail catcher. A directive with a short
/// deadline, the demo clock moved past it, and the recurring jobs alone (no direct calls) put the escalation in the
/// Mailbox with its Vietnamese subject.
/// </summary>
public sealed class DemoClockEscalationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Advancing_the_demo_clock_past_a_deadline_brings_the_escalation_email_to_the_mailbox()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Scheduling:Enabled"] = "true",
            ["Scheduling:SweepCron"] = "* * * * * ?",
            ["Scheduling:OutboxCron"] = "* * * * * ?",
        });
        using var issuer = await app.CreateClientForAsync("01-COMMITTEE");
        using var admin = await app.CreateClientForAsync("admin");
        await DirectivesApiTests.IssueAsync(issuer, "01-COMMITTEE", "committee-directive", "Công điện số 12/CĐ-UBND", "Ứng phó mưa lớn, chống ngập úng",
            new { deadlineDays = 1 });

        using var advanced = await admin.PostAsJsonAsync("/api/dev/clock", new { advance = "P10D" }, Ct);
        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);

        var subjects = new List<string>();
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(90);
        while (!subjects.Any(IsEscalation) && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(500, Ct);
            var mailbox = await admin.GetFromJsonAsync<JsonElement>("/api/dev/mailbox?page=1&pageSize=100", Ct);
            subjects = mailbox.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("subject").GetString() ?? "").ToList();
        }

        var escalation = subjects.FirstOrDefault(IsEscalation);
        Assert.True(escalation is not null, "no escalation arrived; the mailbox holds: " + string.Join(" | ", subjects));
        Assert.Contains("chậm", escalation, StringComparison.Ordinal);
        Assert.Contains("ngày làm việc", escalation, StringComparison.Ordinal);

        static bool IsEscalation(string subject) => subject.StartsWith("[Quá hạn", StringComparison.Ordinal);
    }
}
