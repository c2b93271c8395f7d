using System.Net;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using static DirectiveFlow.Web.Tests.Security.SecurityHosts;

namespace DirectiveFlow.Web.Tests.Security;

public sealed class ProductionSafetyTests
{
    [Fact]
    public async Task Production_refuses_to_start_with_the_built_in_signing_key()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(
            settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }, environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Auth:SigningKey", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_to_start_in_demo_mode()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(
            settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "true", ["Auth:SigningKey"] = StrongKey },
            environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("demo mode", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_to_start_without_an_SMTP_host()
    {
        await using var app = await ProductionAsync(new Dictionary<string, string?> { ["Smtp:Host"] = "" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Production refuses to start without an SMTP server: set Smtp:Host", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_public_address_for_its_links()
    {
        await using var app = await ProductionAsync(new Dictionary<string, string?> { ["App:BaseUrl"] = "" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Production refuses to start without App:BaseUrl", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_starts_with_its_own_key_an_SMTP_host_and_demo_mode_off()
    {
        await using var app = await ProductionAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Every check passes but the SMTP probe: smtp.invalid never answers (Degraded, not Unhealthy). An anonymous caller
        // gets the status alone: what the checks say (the mail server, its errors) is for administrators.
        Assert.Equal("Degraded", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);
        var unhealthy = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).ToList();
        Assert.Equal("email", Assert.Single(unhealthy).Key);
        Assert.StartsWith("SMTP server smtp.invalid:", unhealthy[0].Value.Description, StringComparison.Ordinal);
    }
}
