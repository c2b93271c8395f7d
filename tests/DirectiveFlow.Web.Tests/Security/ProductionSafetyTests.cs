using System.Net;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Security;

public sealed class ProductionSafetyTests
{
    private const string StrongKey = "a-production-secret-that-is-long-enough-0123456789";

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
    public async Task Production_starts_with_its_own_key_and_demo_mode_off()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(
            settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "false", ["Auth:SigningKey"] = StrongKey },
            environment: "Production");
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
        : error.InnerException is null ? error.Message : error.Message + " | " + Flatten(error.InnerException);
}
