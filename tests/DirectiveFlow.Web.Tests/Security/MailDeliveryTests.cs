using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Mailbox;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>Where mail goes without an SMTP host: caught in-process in demo mode only, otherwise kept queued and reported.</summary>
public sealed class MailDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Outside_demo_mode_without_an_SMTP_host_mail_stays_queued_and_health_says_how_much_waits(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["Scheduling:Enabled"] = "false",
        });
        using var client = app.CreateClient();
        await using (var db = app.Database.CreateContext())
        {
            db.Outbox.Add(Email("a"));
            db.Outbox.Add(Email("b"));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Null(app.Services.GetService<EmbeddedSmtpCatcher>());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(Ct);
            Assert.Equal(DispatchResult.None, result);
        }

        await using (var db = app.Database.CreateContext())
        {
            Assert.All(await db.Outbox.ToListAsync(Ct), m => Assert.Equal((OutboxStatus.Pending, 0, null), (m.Status, m.Attempts, m.LastError)));
        }

        Assert.Equal("Degraded", await client.GetStringAsync("/health", Ct));
        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Ct);
        Assert.Equal(HealthStatus.Degraded, report.Entries["email"].Status);
        Assert.StartsWith("No Smtp:Host configured: 2 email(s) waiting in the outbox", report.Entries["email"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_demo_mode_without_an_SMTP_host_the_embedded_catcher_runs_and_health_is_healthy()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var client = app.CreateClient();

        Assert.True(app.Services.GetRequiredService<EmbeddedSmtpCatcher>().IsRunning);
        Assert.Equal("Healthy", await client.GetStringAsync("/health", Ct));
    }

    private static OutboxMessage Email(string key) => new()
    {
        DedupeKey = "health-test:" + key,
        To = "chutich@hoankiem.hanoi.gov.vn",
        Subject = "Nhắc việc",
        HtmlBody = "<p>Nhắc việc</p>",
        TextBody = "Nhắc việc",
        CreatedAt = TimeProvider.System.GetUtcNow(),
        NextAttemptAt = TimeProvider.System.GetUtcNow(),
    };
}
