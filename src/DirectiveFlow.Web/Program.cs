using DirectiveFlow.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDirectiveFlow();

var app = builder.Build();
await app.PrepareDirectiveFlowAsync();
app.UseDirectiveFlow();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
