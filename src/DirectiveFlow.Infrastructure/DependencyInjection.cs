using DirectiveFlow.Infrastructure.Calendar;
using DirectiveFlow.Infrastructure.Demo;
using DirectiveFlow.Infrastructure.Engine;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Reports;
using DirectiveFlow.Infrastructure.Scheduling;
using DirectiveFlow.Infrastructure.Tasks;
using DirectiveFlow.Infrastructure.Time;
using DirectiveFlow.Infrastructure.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Everything below the web layer: persistence, engine, organisation, tasks, scheduling, email.</summary>
    public static IServiceCollection AddDirectiveFlowInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDirectiveFlowTime(configuration);
        services.AddDirectiveFlowPersistence(configuration);
        services.AddDirectiveFlowCalendar();
        services.AddDirectiveFlowWorkflowDefinitions(configuration);
        services.AddMediator(o => o.ServiceLifetime = ServiceLifetime.Scoped);
        services.AddDirectiveFlowIdentity();
        services.AddDirectiveFlowOrganisation(configuration);
        services.AddDirectiveFlowDemo(configuration);
        services.AddDirectiveFlowScheduling(configuration);
        services.AddDirectiveFlowEngine(configuration);
        services.AddDirectiveFlowTasks(configuration);
        services.AddDirectiveFlowReports();
        return services;
    }
}
