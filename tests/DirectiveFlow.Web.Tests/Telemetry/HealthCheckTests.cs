using System.Net;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DirectiveFlow.Web.Tests.Telemetry;

/// <summary>The checks of <c>/health</c> beyond the database: SMTP reachability, the outbox's lag, the scheduler.</summary>
public sealed class HealthCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_SMTP_server_that_does_not_answer_makes_health_degraded_not_unhealthy(string provider)
    {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = "9",
        });
        using var anonymous = app.CreateClient();
        using var client = await app.CreateClientForAsync("admin");

        // Anyone gets the status; the lines saying why (the mail server, its error) are for administrators.
        Assert.Equal("Degraded", await anonymous.GetStringAsync("/health", Ct));
        using var response = await client.GetAsync("/health", Ct);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("email: Degraded — SMTP server 127.0.0.1:9 is not reachable (", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_due_longer_than_the_lag_limit_makes_health_degraded_and_says_how_long()
    {
        // Demo mode: the embedded catcher answers, so only the outbox is behind (no dispatcher runs in tests).
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Monitoring:OutboxLagDegraded"] = "00:10:00" });
        using var client = await app.CreateClientForAsync("admin");
        Assert.Equal("Healthy", await client.GetStringAsync("/health", Ct));

        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using (var db = app.Database.CreateContext())
        {
            db.Outbox.Add(Email("late", now.AddMinutes(-95)));
            db.Outbox.Add(Email("later", now.AddHours(1)));
            await db.SaveChangesAsync(Ct);
        }

        var health = await client.GetStringAsync("/health", Ct);

        Assert.Equal("Degraded\noutbox: Degraded — 2 email(s) waiting; the oldest due one for 95 min (more than 00:10:00).", health);
    }

    [Fact]
    public async Task A_running_scheduler_is_healthy_and_a_stopped_one_makes_the_node_unhealthy()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Scheduling:Enabled"] = "true" });
        using var client = await app.CreateClientForAsync("admin");
        Assert.Equal("Healthy", await client.GetStringAsync("/health", Ct));

        var scheduler = await app.Services.GetRequiredKeyedService<ISchedulerFactory>(QuartzSetup.SchedulerName).GetScheduler(Ct);
        await scheduler.Standby(Ct);
        using var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(
            "Unhealthy\nscheduler: Unhealthy — The scheduler is not running: no sweep, digest or email dispatch runs on this node.",
            await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_scheduler_whose_sweep_has_not_fired_for_longer_than_the_limit_is_degraded()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Scheduling:Enabled"] = "true",
            ["Scheduling:SweepCron"] = "0 0 0 1 1 ? 2099",
            ["Monitoring:SweepStaleAfter"] = "00:00:10",
        });
        using var client = await app.CreateClientForAsync("admin");
        Assert.Equal("Healthy", await client.GetStringAsync("/health", Ct));

        await Task.Delay(TimeSpan.FromSeconds(11), Ct);
        var health = await client.GetStringAsync("/health", Ct);

        Assert.StartsWith("Degraded\nscheduler: Degraded — No sweep has run since the scheduler started ", health, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_liveness_endpoint_answers_without_running_the_checks()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = "9",
        });
        using var client = app.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync("/health/live", Ct));
        Assert.StartsWith("Degraded", await client.GetStringAsync("/health", Ct), StringComparison.Ordinal);
    }

    private static OutboxMessage Email(string key, DateTimeOffset due) => new()
    {
        DedupeKey = "lag-test:" + key,
        To = "chutich@hoankiem.hanoi.gov.vn",
        Subject = "Nhắc việc",
        HtmlBody = "<p>Nhắc việc</p>",
        TextBody = "Nhắc việc",
        CreatedAt = due,
        NextAttemptAt = due,
    };
}
