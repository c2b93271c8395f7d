using System.Globalization;
using System.Net;
using DirectiveFlow.Core.Email;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Mailbox;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Scheduling.Digests;
using DirectiveFlow.Infrastructure.Time;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Cluster;

/// <summary>
/// Two nodes of the app (in-process hosts, demo mode) on one database, each with its own container, caches and
/// data-protection key ring, sending to one SMTP catcher outside both. Node A starts first (it seeds), as
/// docker-compose.cluster.yml starts app2 once app1 is healthy. Quartz is off: a test runs each node's jobs itself,
/// on both nodes at once (clustered Quartz on one database is <c>QuartzSchedulingTests</c>'s).
/// <code>
/// await using var cluster = await TwoNodeCluster.StartAsync();
/// using var browser = cluster.Browser(cluster.A);
/// </code>
/// </summary>
public sealed class TwoNodeCluster : IAsyncDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly HashSet<DirectiveFlowWebFactory> _killed = [];

    private TwoNodeCluster(TestDatabase database, EmbeddedSmtpCatcher mail, DirectiveFlowWebFactory a, DirectiveFlowWebFactory b)
    {
        Database = database;
        Mail = mail;
        A = a;
        B = b;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public TestDatabase Database { get; }

    public EmbeddedSmtpCatcher Mail { get; }

    public DirectiveFlowWebFactory A { get; }

    public DirectiveFlowWebFactory B { get; }

    /// <param name="provider">PostgreSQL by default (the test skips, saying so, when it is not configured).</param>
    /// <param name="settings">Settings for both nodes, over the cluster's own.</param>
    /// <param name="configureA">Service overrides for node A only.</param>
    public static async Task<TwoNodeCluster> StartAsync(
        string provider = nameof(DatabaseProvider.PostgreSql), IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureA = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var mail = new EmbeddedSmtpCatcher(new CaughtMailbox(20_000), TimeProvider.System);
        await mail.StartAsync(Ct);
        var shared = new Dictionary<string, string?>
        {
            ["Scheduling:Enabled"] = "false",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = mail.Port.ToString(CultureInfo.InvariantCulture),
            ["App:BaseUrl"] = "https://directiveflow.cluster.test",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            shared[key] = value;
        }

        var a = DirectiveFlowWebFactory.Node(database, shared, configureA);
        _ = a.Services;
        var b = DirectiveFlowWebFactory.Node(database, shared);
        _ = b.Services;
        return new TwoNodeCluster(database, mail, a, b);
    }

    /// <summary>A client of <paramref name="node"/> sharing one cookie jar with every other browser of the cluster, as a browser behind the balancer.</summary>
    public HttpClient Browser(DirectiveFlowWebFactory node) =>
        node.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(_cookies));

    /// <summary>The due work (sweep and Delays) on <paramref name="node"/>, at the application's time as its job reads it.</summary>
    public static async Task<DueWorkResult> RunDueWorkAsync(DirectiveFlowWebFactory node, CancellationToken cancellationToken)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var now = await DomainTime.NowAsync(scope.ServiceProvider, cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<DueWorkRunner>().RunAsync(now, cancellationToken);
    }

    /// <summary>The nodes not killed.</summary>
    public IReadOnlyList<DirectiveFlowWebFactory> Alive => new[] { A, B }.Where(n => !_killed.Contains(n)).ToList();

    /// <summary>The sweep on every live node at once, again until none writes anything more; answers the effects written.</summary>
    public async Task<int> SweepOnEveryNodeAsync()
    {
        var effects = 0;
        for (var round = 0; round < 10; round++)
        {
            var results = await Task.WhenAll(Alive.Select(n => RunDueWorkAsync(n, Ct)));
            var written = results.Sum(r => r.Sweep.Effects);
            if (written == 0)
            {
                return effects;
            }

            effects += written;
        }

        Assert.Fail("the sweep still wrote effects after 10 rounds on every node");
        return effects;
    }

    /// <summary>The daily digest on every live node at once; answers the digests written.</summary>
    public async Task<int> DailyDigestOnEveryNodeAsync() => (await Task.WhenAll(Alive.Select(SendDailyDigestAsync))).Sum();

    /// <summary>The outbox dispatch on every live node at once, again until nothing is due or held.</summary>
    public async Task<DispatchResult> DispatchOnEveryNodeAsync()
    {
        var total = DispatchResult.None;
        for (var round = 0; round < 20; round++)
        {
            var results = await Task.WhenAll(Alive.Select(DispatchAsync));
            Assert.All(results, r => Assert.Equal(0, r.Failed));
            total = results.Aggregate(total, (sum, r) => new DispatchResult(
                sum.Claimed + r.Claimed, sum.Sent + r.Sent, sum.Failed + r.Failed, sum.DeadLettered + r.DeadLettered));
            var now = await DomainTime.NowAsync(Alive[0].Services, Ct);
            if (!await QueryAsync(async db => await db.Outbox.AnyAsync(m => (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) || m.Status == OutboxStatus.Held, Ct)
                || await db.OutboxModels.AnyAsync(m => m.NoticeCount > 0, Ct)))
            {
                return total;
            }
        }

        Assert.Fail("the outbox did not empty in 20 rounds of two dispatchers");
        return total;
    }

    public async Task<T> QueryAsync<T>(Func<DirectiveFlowDbContext, Task<T>> query)
    {
        await using var db = Database.CreateContext();
        return await query(db);
    }

    /// <summary>Stops <paramref name="node"/> and throws its container away, as when its machine goes; the database stays.</summary>
    public async Task KillAsync(DirectiveFlowWebFactory node)
    {
        if (_killed.Add(node))
        {
            await node.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync(B);
        await KillAsync(A);
        await Mail.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static async Task<DispatchResult> DispatchAsync(DirectiveFlowWebFactory node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(Ct);
    }

    private static async Task<int> SendDailyDigestAsync(DirectiveFlowWebFactory node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var now = await DomainTime.NowAsync(scope.ServiceProvider, Ct);
        return await scope.ServiceProvider.GetRequiredService<DailyDigestService>().SendAsync(now, Ct);
    }
}
