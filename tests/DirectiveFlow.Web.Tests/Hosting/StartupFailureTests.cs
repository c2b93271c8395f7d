using System.Diagnostics;
using DirectiveFlow.Web.Hosting;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Hosting;

/// <summary>
/// A wrong setting ended the start in an unhandled exception and its stack trace; the operator now reads which setting
/// and why, on one screen, and the process exits with 1. Under a test host the exception still reaches the test.
/// </summary>
public sealed class StartupFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_setting_that_fails_validation_is_told_by_section_and_member_in_plain_words()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Smtp:From"] = "DirectiveFlow no-reply" });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var problem = Assert.Single(StartupFailure.Problems(error));
        var text = StartupFailure.Describe([problem]);

        Assert.StartsWith("Smtp: DataAnnotation validation failed for 'SmtpOptions' members: 'From'", problem, StringComparison.Ordinal);
        Assert.StartsWith("DirectiveFlow did not start: a setting is wrong.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_defect_is_not_taken_for_a_setting_and_keeps_its_stack_trace()
    {
        Assert.Empty(StartupFailure.Problems(new InvalidOperationException("Unable to resolve service for type 'X'.")));
    }

    [Fact]
    public async Task The_process_started_with_an_unknown_database_provider_names_it_on_standard_error_without_a_stack_trace_and_exits_with_1()
    {
        var (exitCode, error, output) = await RunProductAsync("--Database:Provider=Oracle");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("DirectiveFlow did not start: a setting is wrong.", error, StringComparison.Ordinal);
        Assert.Contains("at 'Database:Provider'", error, StringComparison.Ordinal);
        Assert.Contains("Oracle is not a valid value for DatabaseProvider.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error + output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_process_started_on_a_busy_address_names_it_and_stops_its_background_loops_without_a_stack_trace()
    {
        // Regression: the one-screen message came, but the background loops the failed host disposed were logged as
        // failed services, each with its stack trace (StoppableService).
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        var data = Directory.CreateTempSubdirectory("df-startup-");
        try
        {
            var (exitCode, error, output) = await RunProductAsync($"--urls=http://127.0.0.1:{port}", $"--Database:DataFolder={data.FullName}");

            Assert.Equal(1, exitCode);
            Assert.StartsWith("DirectiveFlow did not start: a setting is wrong.", error, StringComparison.Ordinal);
            Assert.Contains($"http://127.0.0.1:{port}", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
            Assert.DoesNotContain("BackgroundService", output, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    /// <summary>The product's own process (Development) with <paramref name="arguments"/>: its exit code, standard error and output.</summary>
    private static async Task<(int ExitCode, string Error, string Output)> RunProductAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DirectiveFlow.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await stderr, await stdout);
    }
}
