using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Core.Workflows.Expressions;
using DirectiveFlow.Infrastructure.Configuration;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Engine.Cascades;
using DirectiveFlow.Infrastructure.Engine.Definitions;
using DirectiveFlow.Infrastructure.Engine.Notices;
using DirectiveFlow.Infrastructure.Engine.Recovery;
using DirectiveFlow.Infrastructure.Engine.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DirectiveFlow.Infrastructure.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The workflow runtime: walker, cascade writer, recovery of unfinished cascades (at start and whenever a lease runs
    /// out), and the engine behind <see cref="IWorkflowEngine"/>.
    /// </summary>
    public static IServiceCollection AddDirectiveFlowEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EngineOptions>(configuration, EngineOptions.Section);
        services.AddDirectiveFlowActivities();
        services.AddSingleton<WorkflowDefinitionCache>();
        services.AddSingleton<DeadlineCalculator>();
        services.AddSingleton<CascadeLease>();
        services.AddSingleton<CascadeQueue>();
        services.AddSingleton<ResolvedTargets>();
        services.AddSingleton<CascadeBatchRunner>();
        services.AddSingleton<FlowStepLoader>();
        services.AddSingleton<AssignmentNoticeWriter>();
        services.AddSingleton<WithdrawalNoticeWriter>();
        services.AddSingleton<UnitTaskWriter>();
        services.AddSingleton<NotifyWriter>();
        services.AddSingleton<CascadeBranchWriter>();
        services.AddSingleton<CascadeStarter>();
        services.AddSingleton<FlowWalkerServices>();
        services.AddSingleton<FlowWalker>();
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<IWorkflowEngine>(sp => sp.GetRequiredService<WorkflowEngine>());
        services.AddSingleton<EngineRecoveryService>();
        services.AddHostedService(sp => sp.GetRequiredService<EngineRecoveryService>());
        return services;
    }
}
