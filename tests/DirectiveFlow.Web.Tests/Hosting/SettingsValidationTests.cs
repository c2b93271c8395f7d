using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using static DirectiveFlow.Web.Tests.Security.SecurityHosts;

namespace DirectiveFlow.Web.Tests.Hosting;

/// <summary>A wrong setting stops the start with the setting's name, instead of surfacing at the first request or job.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Engine:CascadeBatchSize", "0", "CascadeBatchSize")]
    [InlineData("Outbox:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("App:BaseUrl", "directiveflow dot vn", "BaseUrl")]
    [InlineData("Scheduling:SweepCron", "every minute", "SweepCron")]
    [InlineData("Smtp:Port", "70000", "Port")]
    [InlineData("Smtp:From", "DirectiveFlow no-reply", "From")]
    [InlineData("Organisation:DefaultProvinceCode", "Hanoi", "DefaultProvinceCode")]
    [InlineData("RateLimits:WindowSeconds", "0", "WindowSeconds")]
    [InlineData("Demo:ClockRefresh", "00:00:00", "ClockRefresh")]
    [InlineData("Email:EscalationDigest:Window", "7", "Window")]
    [InlineData("Email:EscalationDigest:At", "1.00:00:00", "At")]
    [InlineData("Scheduling:SetBasedClassMinimum", "-1", "SetBasedClassMinimum")]
    public async Task A_setting_out_of_range_stops_the_start_and_names_the_setting(string key, string value, string name)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(Unwrap(error), e => e is OptionsValidationException);
        Assert.Contains(name, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_settings_start()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();

        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, $"/health answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Set_based_sweeping_can_be_turned_off_with_zero_as_its_setting_says()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Scheduling:SetBasedClassMinimum"] = "0" });

        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, $"/health answered {(int)response.StatusCode}");
    }

    private static IEnumerable<Exception> Unwrap(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Unwrap))
                {
                    yield return inner;
                }
            }
        }
    }
}
