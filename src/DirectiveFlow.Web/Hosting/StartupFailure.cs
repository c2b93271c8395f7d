using System.Reflection;
using DirectiveFlow.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Web.Hosting;

/// <summary>
/// A start stopped by a wrong setting, told to the operator on one screen — which setting, what is wrong — with exit code 1,
/// instead of an unhandled exception's stack trace. Only in the real process (<see cref="InRealProcess"/>): under a test
/// host the exception goes on to the test, which reads it. Anything else (a defect) keeps its stack trace.
/// </summary>
public static class StartupFailure
{
    public const int ExitCode = 1;

    /// <summary>The host's own category: it logs a failed start with the exception's stack trace, which the operator does not need.</summary>
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    private static volatile bool started;

    /// <summary>Whether this is the product's own process, not a test host (WebApplicationFactory) running its entry point.</summary>
    public static bool InRealProcess => Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;

    /// <summary>Until the host has started, its failure is told by <see cref="Report"/>; what it logs after is unchanged.</summary>
    public static void QuietHostLogUntilStarted(WebApplicationBuilder builder) =>
        builder.Logging.AddFilter(HostCategory, level => level >= LogLevel.Information && (started || level == LogLevel.Critical));

    public static void MarkStarted(WebApplication app) => app.Lifetime.ApplicationStarted.Register(() => started = true);

    /// <summary>The settings problems <paramref name="error"/> carries, one line each; empty when it is not one.</summary>
    public static IReadOnlyList<string> Problems(Exception error)
    {
        var lines = new List<string>();
        Collect(error, lines);
        return lines;
    }

    /// <summary>The one-screen text for the operator.</summary>
    public static string Describe(IReadOnlyList<string> problems) =>
        "DirectiveFlow did not start: a setting is wrong." + Environment.NewLine
        + string.Concat(problems.Select(p => "  - " + p + Environment.NewLine))
        + "Correct it in appsettings.json, in an environment variable (Smtp__From for Smtp:From) or on the command line "
        + "(--Smtp:From=...), then start again.";

    /// <summary>Writes the problems to standard error and the log (without the stack trace) and returns the exit code.</summary>
    public static int Report(IReadOnlyList<string> problems, ILogger? logger)
    {
        var text = Describe(problems);
        Console.Error.WriteLine(text);
        logger?.LogCritical("{StartupFailure}", text);
        return ExitCode;
    }

    private static void Collect(Exception error, List<string> lines)
    {
        switch (error)
        {
            case AggregateException aggregate:
                foreach (var inner in aggregate.InnerExceptions)
                {
                    Collect(inner, lines);
                }

                break;
            case TargetInvocationException { InnerException: { } invoked }:
                Collect(invoked, lines);
                break;
            case OptionsValidationException options:
                var section = options.OptionsType.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
                lines.AddRange(options.Failures.Select(f => section is null ? f : $"{section}: {f}"));
                break;
            case SettingsException:
                lines.Add(error.Message);
                break;
            // The configuration binder: "Failed to convert configuration value 'Oracle' at 'Database:Provider' to type …",
            // its inner exception saying why ("Oracle is not a valid value for DatabaseProvider.").
            case InvalidOperationException when error.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                lines.Add(error.InnerException is { } why ? $"{error.Message} {why.Message}" : error.Message);
                break;
            // Kestrel: a listening address it cannot read ("Invalid url: 'x'") or bind ("Failed to bind to address …").
            case FormatException when error.TargetSite?.DeclaringType?.FullName == "Microsoft.AspNetCore.Http.BindingAddress":
            case IOException when error.Message.StartsWith("Failed to bind to address", StringComparison.Ordinal):
                lines.Add($"Listening address (--urls, ASPNETCORE_URLS or Kestrel:Endpoints): {error.Message}");
                break;
        }
    }
}
