using DirectiveFlow.Web.Tests.Security.Hostile;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>
/// Issue 14 §3: every endpoint the app maps (read from its EndpointDataSource, so a new one is covered without
/// editing this test) gets the hostile corpus — bodies, query strings, route values, headers, multipart file names —
/// as an administrator, a ward officer and anonymously, in Development and in Production. No answer may be a 5xx,
/// and every 4xx under /api must be ProblemDetails JSON. Each failure names the environment, caller, request and case.
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>
    /// The endpoints (method × route) mapped when this test was written, the demo tools aside (/api/dev, /dev, /mailbox:
    /// absent in Production): the count may grow, never shrink.
    /// </summary>
    private const int EndpointsToday = 82;

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task No_endpoint_answers_a_5xx_to_the_hostile_corpus(string environment)
    {
        await using var host = await HostileHost.StartAsync(environment);
        var endpoints = HostileEndpoint.All(host.App.Services);
        var counted = endpoints.Count(e => !e.IsDemoTool);
        Assert.True(counted >= EndpointsToday, $"only {counted} endpoints found, {EndpointsToday} expected:\n{string.Join("\n", endpoints)}");

        var probe = new HostileProbe(host);
        foreach (var endpoint in endpoints)
        {
            await probe.RunAsync(endpoint, TestContext.Current.CancellationToken);
        }

        Assert.True(probe.Failures.Count == 0,
            $"{probe.Failures.Count} cases of {probe.Sent} hostile requests to {endpoints.Count} endpoints went wrong:\n{string.Join("\n", probe.Failures.Take(200))}");
    }
}
