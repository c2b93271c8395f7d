using System.Net;
using System.Net.Http.Json;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static DirectiveFlow.Web.Tests.Security.SecurityHosts;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>
/// A host named anything but Development or Testing is as reachable as Production: "Staging" started with the
/// built-in signing key (anyone could sign an administrator's token with the key in the source), demo mode on the
/// published password, and the dev API mapped.
/// </summary>
public sealed class StagingSafetyTests
{
    private const string Staging = "Staging";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staging_refuses_to_start_without_a_signing_key_of_its_own()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(
            settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }, environment: Staging);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Staging refuses to start with the built-in development signing key", Flatten(error), StringComparison.Ordinal);
        Assert.Contains("set Auth:SigningKey", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staging_refuses_demo_mode_on_the_published_password()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(
            settings: new Dictionary<string, string?> { ["Auth:SigningKey"] = StrongKey }, environment: Staging);

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Staging refuses to start in demo mode with the published demo password", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Staging_the_dev_api_does_not_exist_and_the_published_password_signs_no_one_in()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(
            settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "false", ["Auth:SigningKey"] = StrongKey }, environment: Staging);
        await Accounts.CreateAsync(app, "quantri", Roles.Administrator);
        await Accounts.CreateAsync(app, "demo.cu", Roles.Administrator, DirectiveFlowWebFactory.DemoPassword);
        using var admin = Browser(app);
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await app.GetTokenAsync("quantri", Accounts.OwnPassword));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/dev/clock", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/dev/mailbox", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/mailbox", Ct)).StatusCode);
        Assert.DoesNotContain(app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>(),
            e => e.RoutePattern.RawText!.StartsWith("/api/dev", StringComparison.Ordinal) || e.RoutePattern.RawText == "/dev/clock");
        using var demoPassword = await admin.PostAsJsonAsync(
            "/api/auth/token", new { username = "demo.cu", password = DirectiveFlowWebFactory.DemoPassword }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, demoPassword.StatusCode);
    }

    [Fact]
    public async Task Staging_runs_its_demo_on_a_password_of_its_own()
    {
        const string own = "Mat-khau-demo-rieng-2026";
        await using var app = await DirectiveFlowWebFactory.CreateAsync(
            settings: new Dictionary<string, string?>(Api.Tasks.TaskApiWorld.QuietSettings()) { ["Auth:SigningKey"] = StrongKey, ["Demo:Password"] = own },
            environment: Staging);

        Assert.False(string.IsNullOrEmpty(await app.GetTokenAsync("00070-COMMITTEE", own)));
    }
}
