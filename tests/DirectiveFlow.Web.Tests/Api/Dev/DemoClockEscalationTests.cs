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
        var directiveId = await DirectivesApiTests.IssueAsync(issuer, "01-COMMITTEE", "committee-directive", "Công điện số 12/CĐ-UBND", "Ứng phó mưa lớn, chống ngập úng",
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

        // The step shows on the task: its history lists the escalation email, and once sent, when it went.
        var tasks = await issuer.GetFromJsonAsync<JsonElement>($"/api/directives/{directiveId}/tasks?pageSize=1", Ct);
        var taskId = tasks.GetProperty("items")[0].GetProperty("id").GetGuid();
        JsonElement? step = null;
        while (TimeProvider.System.GetUtcNow() < deadline.AddSeconds(30))
        {
            var history = await issuer.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/journal?pageSize=100", Ct);
            step = history.GetProperty("items").EnumerateArray().Cast<JsonElement?>()
                .FirstOrDefault(e => e!.Value.GetProperty("action").GetString() == "escalation.level1");
            if (step?.GetProperty("detail").GetString()?.Contains("đã gửi lúc", StringComparison.Ordinal) == true)
            {
                break;
            }

            await Task.Delay(500, Ct);
        }

        Assert.True(step is not null, "the task's history has no escalation step");
        Assert.Contains("đã gửi lúc", step!.Value.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The steps to the superiors went out in their digest (the demo clock's day is past its 07:30 window), and the
        // history says in which.
        string? digested = null;
        while (digested is null && TimeProvider.System.GetUtcNow() < deadline.AddSeconds(60))
        {
            var history = await issuer.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/journal?pageSize=100", Ct);
            digested = history.GetProperty("items").EnumerateArray()
                .Where(e => e.GetProperty("action").GetString() is "escalation.level2" or "escalation.level3")
                .Select(e => e.GetProperty("detail").GetString())
                .FirstOrDefault(d => d?.Contains("đã gửi lúc", StringComparison.Ordinal) == true);
            await Task.Delay(500, Ct);
        }

        Assert.True(digested is not null, "no step to a superior was sent in a digest");
        Assert.Contains("trong thư tổng hợp quá hạn ngày", digested, StringComparison.Ordinal);
        var journal = await issuer.GetFromJsonAsync<JsonElement>($"/api/directives/{directiveId}/journal?pageSize=100", Ct);
        Assert.Contains(journal.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "escalation.level1"
            && e.GetProperty("detail").GetString()!.EndsWith(" nhiệm vụ", StringComparison.Ordinal));

        static bool IsEscalation(string subject) => subject.StartsWith("[Quá hạn", StringComparison.Ordinal);
    }
}
