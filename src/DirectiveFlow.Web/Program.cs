using DirectiveFlow.Web.Cli;
using DirectiveFlow.Web.Hosting;

var builder = WebApplication.CreateBuilder(CliCommands.HostArgs(args));
builder.AddDirectiveFlow();

var app = builder.Build();
if (CliCommands.IsCommand(args))
{
    return await CliCommands.RunAsync(app, args);
}

await app.PrepareDirectiveFlowAsync();
app.UseDirectiveFlow();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
