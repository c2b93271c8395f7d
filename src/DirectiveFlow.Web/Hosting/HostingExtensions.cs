using DirectiveFlow.Infrastructure;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Web.Components;

namespace DirectiveFlow.Web.Hosting;

/// <summary>The table of contents of the host: what is registered, what runs before start, what is mapped.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddDirectiveFlow(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDirectiveFlowInfrastructure(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddDbContextCheck<DirectiveFlowDbContext>();
        builder.AddDirectiveFlowUi();
        return builder;
    }

    /// <summary>Migrates the database and seeds what the configuration asks for, before the host serves requests.</summary>
    public static async Task PrepareDirectiveFlowAsync(this WebApplication app)
    {
        await app.Services.MigrateDirectiveFlowDatabaseAsync();
    }

    public static WebApplication UseDirectiveFlow(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        app.UseDirectiveFlowUi();
        return app;
    }
}
