using DirectiveFlow.Web.Cli;
using DirectiveFlow.Web.Hosting;

WebApplication? app = null;
try
{
    var builder = WebApplication.CreateBuilder(CliCommands.HostArgs(args));
    if (StartupFailure.InRealProcess)
    {
        StartupFailure.QuietHostLogUntilStarted(builder);
    }

    builder.AddDirectiveFlow();

    app = builder.Build();
    if (CliCommands.IsCommand(args))
    {
        return await CliCommands.RunAsync(app, args);
    }

    StartupFailure.MarkStarted(app);
    await app.PrepareDirectiveFlowAsync();
    app.UseDirectiveFlow();
    await app.RunAsync();
    return 0;
}
catch (Exception error) when (StartupFailure.InRealProcess && StartupFailure.Problems(error) is { Count: > 0 } problems)
{
    // A wrong setting: the operator gets which one and why, not a stack trace. Under a test host the test reads the exception.
    return StartupFailure.Report(problems, app?.Logger);
}

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
