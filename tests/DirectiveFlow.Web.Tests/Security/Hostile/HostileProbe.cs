namespace DirectiveFlow.Web.Tests.Security.Hostile;

/// <summary>Sends the corpus to every endpoint as every caller and keeps what went wrong: a 5xx, a thrown exception, or a 4xx on /api that is not ProblemDetails.</summary>
public sealed class HostileProbe(HostileHost host)
{
    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, (string First, int Count)> _failures = new(StringComparer.Ordinal);

    /// <summary>One line per endpoint and case that went wrong (the first caller's answer), with how many requests did.</summary>
    public IReadOnlyList<string> Failures => _failures.Values.Select(f => f.Count == 1 ? f.First : $"{f.First} (×{f.Count})").ToList();

    public int Sent { get; private set; }

    public async Task RunAsync(HostileEndpoint endpoint, CancellationToken cancellationToken)
    {
        foreach (var (caller, client) in host.Callers)
        {
            var method = new HttpMethod(endpoint.Method);
            var url = endpoint.Url(host);
            foreach (var (name, query) in HostileCorpus.Queries)
            {
                await SendAsync(caller, client, endpoint, name, () => Request(method, $"{url}?{query}", endpoint), cancellationToken);
            }

            foreach (var parameter in endpoint.Parameters)
            {
                foreach (var value in HostileCorpus.RouteValues)
                {
                    var hostileUrl = endpoint.Url(host, parameter, value);
                    await SendAsync(caller, client, endpoint, $"route {parameter}={Shorten(value)}", () => Request(method, hostileUrl, endpoint), cancellationToken);
                }
            }

            foreach (var (name, apply) in HostileCorpus.Headers())
            {
                await SendAsync(caller, client, endpoint, name, () => With(Request(method, url, endpoint), apply), cancellationToken);
            }

            if (endpoint.HasBody)
            {
                foreach (var (name, body) in HostileCorpus.Bodies(host.IssuerId))
                {
                    await SendAsync(caller, client, endpoint, name, () => new HttpRequestMessage(method, url) { Content = body() }, cancellationToken);
                }
            }
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, HostileEndpoint endpoint) =>
        new(method, url) { Content = endpoint.HasBody ? HostileCorpus.Json("{}") : null };

    private static HttpRequestMessage With(HttpRequestMessage request, Action<HttpRequestMessage> apply)
    {
        apply(request);
        return request;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private async Task SendAsync(
        string caller, HttpClient client, HostileEndpoint endpoint, string name, Func<HttpRequestMessage> make, CancellationToken cancellationToken)
    {
        using var request = make();
        var what = $"[{host.Environment}] {caller} {request.Method} {Shorten(request.RequestUri!.OriginalString)} ({endpoint}) — {name}";
        void Fail(string why)
        {
            var key = $"{endpoint} {name}";
            _failures[key] = _failures.TryGetValue(key, out var seen) ? (seen.First, seen.Count + 1) : ($"{what}: {why}", 1);
        }

        Sent++;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PerRequest);
            using var response = await client.SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (status >= 500)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                Fail($"{status} {(body.Length <= 400 ? body : body[..400])}");
            }
            else if (status >= 400 && endpoint.IsApi && mediaType != "application/problem+json")
            {
                Fail($"{status} as {mediaType ?? "no content type"}, not ProblemDetails");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail($"threw {e.GetType().Name}: {Shorten(e.Message)}");
        }
    }
}
