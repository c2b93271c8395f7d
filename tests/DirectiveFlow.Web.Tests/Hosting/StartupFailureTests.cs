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
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DirectiveFlow.Web.dll"));
        start.ArgumentList.Add("--Database:Provider=Oracle");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        var (error, output) = (await stderr, await stdout);

        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("DirectiveFlow did not start: a setting is wrong.", error, StringComparison.Ordinal);
        Assert.Contains("at 'Database:Provider'", error, StringComparison.Ordinal);
        Assert.Contains("Oracle is not a valid value for DatabaseProvider.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error + output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
    }
}
