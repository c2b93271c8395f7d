using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Cli;
using DirectiveFlow.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace DirectiveFlow.Web.Tests.Cli;

/// <summary>Runs a command line as <c>dotnet run -- …</c> would, on a test database, with demo mode and the scheduler off.</summary>
public static class CliHost
{
    public static async Task<int> RunAsync(TestDatabase db, params string[] command)
    {
        string[] args =
        [
            .. command,
            $"--Database:Provider={db.Provider}", $"--Database:ConnectionString={db.ConnectionString}",
            "--Demo:Enabled=false", "--Scheduling:Enabled=false",
        ];
        var builder = WebApplication.CreateBuilder(CliCommands.HostArgs(args));
        builder.AddDirectiveFlow();
        await using var app = builder.Build();
        return await CliCommands.RunAsync(app, args);
    }
}
