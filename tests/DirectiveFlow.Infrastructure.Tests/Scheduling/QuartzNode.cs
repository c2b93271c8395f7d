using DirectiveFlow.Core.Calendar;
using DirectiveFlow.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DirectiveFlow.Infrastructure.Tests.Scheduling;

/// <summary>
/// One application node as the host registers it (configuration → AddDirectiveFlowInfrastructure), its application clock
/// starting at the harness's current time and running (or, with <c>demo</c>, the demo clock on real time, as a
/// demonstration runs it); Quartz runs on real time either way.
/// </summary>
public sealed class QuartzNode : IAsyncDisposable
{
    private readonly IHost _host;

    private QuartzNode(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<QuartzNode> StartAsync(
        TestDatabase database, SchedulingHarness harness, bool clustered, string cron = "* * * * * ?", bool demo = false)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Smtp:Host"] = harness.Smtp.Host,
            ["Smtp:Port"] = harness.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Scheduling:Clustered"] = clustered.ToString(),
            ["Scheduling:SweepCron"] = cron,
            ["Scheduling:OutboxCron"] = cron,
            ["App:BaseUrl"] = harness.Outbox.BaseUrl,
            ["Demo:Enabled"] = demo.ToString(),
        });
        builder.Services.AddDirectiveFlowInfrastructure(builder.Configuration);
        if (!demo)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new RunningClock(harness.Clock.GetUtcNow())));
        }

        builder.Services.Replace(ServiceDescriptor.Singleton(harness.Calendar));
        var host = builder.Build();
        await host.StartAsync();
        return new QuartzNode(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
