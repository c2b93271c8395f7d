using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DirectiveFlow.Benchmarks.Product;

/// <summary>
/// The product as users run it: the Release build of DirectiveFlow.Web in its own process, production settings, on a
/// given database and a free loopback port. <see cref="StartAsync"/> returns once <c>/health</c> says Healthy;
/// disposing stops it.
/// </summary>
internal sealed class ProductProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private ProductProcess(Process process, StringBuilder output, Uri baseAddress, TimeSpan timeToHealthy)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        TimeToHealthy = timeToHealthy;
    }

    public Uri BaseAddress { get; }

    /// <summary>From process start to the first healthy <c>/health</c>.</summary>
    public TimeSpan TimeToHealthy { get; }

    /// <summary>What the product printed (warnings and errors).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Builds the product (Release) and answers its entry assembly.</summary>
    public static async Task<string> BuildAsync()
    {
        var project = FindProject();
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "-v", "q", "-nologo"])
        {
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("dotnet build did not start.");
        var log = await build.StandardOutput.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building the product failed:\n{log}");
        }

        return Path.Combine(Path.GetDirectoryName(project)!, "bin", "Release", "net10.0", "DirectiveFlow.Web.dll");
    }

    /// <param name="settings">Configuration on top of the defaults here (e.g. <c>Demo__Enabled</c>).</param>
    public static async Task<ProductProcess> StartAsync(
        string app, DatabaseProvider provider, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [app])
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["Auth__SigningKey"] = "bench-only-signing-key-" + new string('x', 48);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var product = new ProductProcess(process, output, baseAddress, TimeSpan.Zero);
        try
        {
            while (watch.Elapsed < TimeSpan.FromMinutes(3))
            {
                if (process.HasExited)
                {
                    await process.WaitForExitAsync();
                    throw new InvalidOperationException($"The product stopped during start-up:\n{product.Output}");
                }

                try
                {
                    using var response = await http.GetAsync("/health");
                    if (response.StatusCode == HttpStatusCode.OK && await response.Content.ReadAsStringAsync() == "Healthy")
                    {
                        return new ProductProcess(process, output, baseAddress, watch.Elapsed);
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException)
                {
                    // Listening, not answering yet.
                }

                await Task.Delay(20);
            }

            throw new TimeoutException($"The product was not healthy after 3 minutes:\n{product.Output}");
        }
        catch
        {
            await product.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    private static string FindProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "DirectiveFlow.Web", "DirectiveFlow.Web.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("src/DirectiveFlow.Web/DirectiveFlow.Web.csproj not found above the benchmark.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
