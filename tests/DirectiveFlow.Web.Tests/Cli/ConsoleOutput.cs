namespace DirectiveFlow.Web.Tests.Cli;

/// <summary>
/// Tests that read what a command prints: the console is the process's, so they run in this collection, one at a time
/// and never beside another test class.
/// </summary>
[CollectionDefinition(nameof(ConsoleOutput), DisableParallelization = true)]
public sealed class ConsoleOutput
{
    /// <summary>Runs <paramref name="command"/> with standard output and error captured.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> CaptureAsync(Func<Task<int>> command)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exitCode = await command();
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
