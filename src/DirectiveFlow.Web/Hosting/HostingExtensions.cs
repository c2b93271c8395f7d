using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Demo;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Workflows;
using DirectiveFlow.Infrastructure;
using DirectiveFlow.Web.Api.Admin;
using DirectiveFlow.Web.Api.Auth;
using DirectiveFlow.Web.Api.Calendar;
using DirectiveFlow.Web.Api.Dev;
using DirectiveFlow.Web.Api.Directives;
using DirectiveFlow.Web.Api.Organisation;
using DirectiveFlow.Web.Api.Problems;
using DirectiveFlow.Web.Api.Reports;
using DirectiveFlow.Web.Api.Tasks;
using DirectiveFlow.Web.Api.Users;
using DirectiveFlow.Web.Api.Workflows;
using DirectiveFlow.Web.Components;
using DirectiveFlow.Web.Health;
using DirectiveFlow.Web.Security;
using DirectiveFlow.Web.Studio;

namespace DirectiveFlow.Web.Hosting;

/// <summary>The table of contents of the host: what is registered, what runs before start, what is mapped.</summary>
public static class HostingExtensions
{
    public static WebApplicationBuilder AddDirectiveFlow(this WebApplicationBuilder builder)
    {
        builder.Services.AddDirectiveFlowInfrastructure(builder.Configuration);
        builder.Services.AddDirectiveFlowSecurity(builder.Configuration);
        builder.Services.AddDirectiveFlowDataProtection(builder.Configuration);
        // Before the API's problem handler: a browser's refused form gets a page, everyone else a ProblemDetails.
        builder.Services.AddDirectiveFlowRefusedPagePosts();
        builder.Services.AddDirectiveFlowProblems();
        builder.Services.AddOpenApi();
        builder.Services.AddDirectiveFlowHealthChecks();
        builder.AddDirectiveFlowMonitoring();
        builder.AddDirectiveFlowUi();
        builder.Services.AddDirectiveFlowStudio();
        return builder;
    }

    /// <summary>Migrates the database and seeds what the configuration asks for, before the host serves requests.</summary>
    public static async Task PrepareDirectiveFlowAsync(this WebApplication app)
    {
        ProductionSafety.EnsureSafe(app.Configuration, app.Environment);
        await app.Services.MigrateDirectiveFlowDatabaseAsync();
        await app.Services.SeedDirectiveFlowRolesAsync();
        await app.Services.SeedWorkflowDefinitionsAsync();
        await app.Services.SeedDirectiveFlowDemoAsync();
        await app.Services.PrepareSchedulingAsync();
    }

    public static WebApplication UseDirectiveFlow(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDirectiveFlowRequestLimits();
        app.UseDirectiveFlowSecurity();
        // The API's description is for signed-in callers (an integrator has a token): it maps every endpoint of the product.
        app.MapOpenApi().RequireAuthorization();
        app.MapDirectiveFlowHealthChecks();
        app.MapDirectiveFlowMetrics();
        app.MapAuthApi();
        app.MapAccountEndpoints();
        app.MapUsersApi();
        app.MapOrganisationApi();
        app.MapWorkflowsApi();
        app.MapWorkflowTargetsApi();
        app.MapTasksApi();
        app.UseListeningAddressForLinks();
        app.AnnounceDemoLogins();
        app.MapDirectivesApi();
        app.MapReportsApi();
        app.UseDirectiveFlowUi();
        app.MapCalendarApi();
        app.MapOutboxAdminApi();
        app.MapDevApi();
        return app;
    }
}
