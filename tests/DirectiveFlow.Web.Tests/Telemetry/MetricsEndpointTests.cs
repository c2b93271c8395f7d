using System.Net;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Api.Directives;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;

namespace DirectiveFlow.Web.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> after real work: a directive issued (a cascade with its assignment notices) and a due-work sweep.
/// Counters are process-wide (other tests' apps add to them meanwhile), so each check is an increase of at least
/// what this test did.
/// </summary>
public sealed class MetricsEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scraping_after_a_cascade_and_a_sweep_finds_their_counters_moved(string provider)
    {
        await using var app = await CreateAsync(provider);
        using var admin = await app.CreateClientForAsync("admin");
        using var issuer = await app.CreateClientForAsync("01-PARTY");
        var before = await ScrapeAsync(admin);

        await DirectivesApiTests.IssueAsync(issuer, "01-PARTY", "party-conclusion", "Kết luận số 7-KL/TU", "Về chuyển đổi số", new { deadlineDays = 5 });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(60);
            var result = await scope.ServiceProvider.GetRequiredService<DueWorkRunner>().RunAsync(now, Ct);
            Assert.True(result.Sweep.Tasks >= 4 && result.Sweep.Effects >= 4, $"the sweep should chase the 4 overdue tasks: {result.Sweep}");
        }

        var after = await ScrapeAsync(admin);

        Assert.True(Increase("directiveflow_cascades_total", "mode=inline") >= 1);
        Assert.True(Increase("directiveflow_cascade_size_count", "mode=inline") >= 1);
        Assert.True(Increase("directiveflow_cascade_size_sum", "mode=inline") >= 4);
        Assert.True(Increase("directiveflow_cascade_duration_seconds_count", "mode=inline") >= 1);
        Assert.True(Increase("directiveflow_cascade_branches_total", "mode=inline") >= 4);
        Assert.True(Increase("directiveflow_emails_queued_total", "source=notice") >= 4);
        Assert.True(Increase("directiveflow_sweep_duration_seconds_count") >= 1);
        Assert.True(Increase("directiveflow_sweep_tasks_total") >= 4);
        Assert.True(Increase("directiveflow_emails_queued_total", "source=sweep") >= 4);
        Assert.True(Increase("directiveflow_sweep_effects_total") >= 4);

        double Increase(string name, params string[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
    }

    [Fact]
    public async Task Metrics_are_refused_to_anonymous_callers_and_to_users_who_are_not_administrators()
    {
        await using var app = await CreateAsync("Sqlite");
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        using var officer = await app.CreateClientForAsync("00070-PARTY");
        using var observer = await app.CreateClientForAsync("observer");
        using var admin = await app.CreateClientForAsync("admin");

        using var signedOut = await anonymous.GetAsync("/metrics", Ct);
        using var notAdmin = await officer.GetAsync("/metrics", Ct);
        using var notAdminEither = await observer.GetAsync("/metrics", Ct);
        using var allowed = await admin.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/login", signedOut.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAdminEither.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("# TYPE ", await allowed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_internal_metrics_port_the_public_port_serves_no_metrics_even_to_administrators()
    {
        await using var app = await CreateAsync("Sqlite", new Dictionary<string, string?> { ["Monitoring:MetricsPort"] = "9464" });
        using var admin = await app.CreateClientForAsync("admin");
        using var anonymous = app.CreateClient();

        using var asAdmin = await admin.GetAsync("/metrics", Ct);
        using var asAnyone = await anonymous.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.NotFound, asAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asAnyone.StatusCode);
    }

    private static async Task<DirectiveFlowWebFactory> CreateAsync(string provider, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(DirectivesApiTests.NoMailCatcher);
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        // No cached scrape: the second scrape of a test must see what happened since the first.
        return await DirectiveFlowWebFactory.CreateAsync(provider, all,
            services => services.Configure<PrometheusAspNetCoreOptions>(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
    }

    private static async Task<PrometheusText> ScrapeAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new PrometheusText(await response.Content.ReadAsStringAsync(Ct));
    }
}
