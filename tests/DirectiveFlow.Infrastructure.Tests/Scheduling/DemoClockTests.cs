using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Time;
using DirectiveFlow.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DirectiveFlow.Infrastructure.Tests.Scheduling;

/// <summary>
/// Regression for issue 14 §2: the demo clock's offset was kept in memory per node, so advancing one node left the others
/// (and their share of the Quartz cluster) in the past.
/// </summary>
public sealed class DemoClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Advancing_the_demo_clock_on_one_node_moves_the_other_within_its_refresh_and_survives_a_restart(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (wallA, wallB) = (new FakeTimeProvider(Start), new FakeTimeProvider(Start));
        await using var a = Node(database, wallA);
        await using var b = Node(database, wallB);
        var clockB = b.GetRequiredService<TimeProvider>();
        var refresher = b.GetServices<IHostedService>().OfType<DemoClockRefresher>().Single();

        Assert.Equal(Start.AddDays(1), await a.GetRequiredService<DemoTimeProvider>().AdvanceAsync(TimeSpan.FromDays(1), Ct));
        await refresher.StartAsync(Ct);
        try
        {
            // B reads the shared offset when it starts…
            Assert.True(await Poll.UntilAsync(() => clockB.GetUtcNow() == Start.AddDays(1)));
            await a.GetRequiredService<DemoTimeProvider>().AdvanceAsync(TimeSpan.FromDays(2), Ct);
            Assert.Equal(Start.AddDays(1), clockB.GetUtcNow());

            // …and again every few seconds, without a request paying for it.
            wallB.Advance(new DirectiveFlow.Infrastructure.Demo.DemoOptions().ClockRefresh);
            Assert.True(await Poll.UntilAsync(() => clockB.GetUtcNow() == Start.AddDays(3).AddSeconds(5)));
        }
        finally
        {
            await refresher.StopAsync(CancellationToken.None);
        }

        // A job re-reads it before it runs, whatever the refresh.
        await a.GetRequiredService<DemoTimeProvider>().AdvanceAsync(TimeSpan.FromDays(1), Ct);
        Assert.Equal(Start.AddDays(4).AddSeconds(5), await DomainTime.NowAsync(b, Ct));
        // A node started later (or restarted) begins where the others are.
        await using var c = Node(database, new FakeTimeProvider(Start));
        await c.PrepareSchedulingAsync(Ct);
        Assert.Equal(Start.AddDays(4), c.GetRequiredService<TimeProvider>().GetUtcNow());
        Assert.Equal(TimeSpan.FromDays(4), c.GetRequiredService<DemoTimeProvider>().Offset);
    }

    /// <summary>A node in demo mode (no Quartz) whose real time is <paramref name="wall"/>.</summary>
    private static ServiceProvider Node(TestDatabase database, FakeTimeProvider wall)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDirectiveFlowInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Scheduling:Enabled"] = "false",
        }).Build());
        services.Replace(ServiceDescriptor.Singleton(new WallClock(wall)));
        return services.BuildServiceProvider();
    }
}
