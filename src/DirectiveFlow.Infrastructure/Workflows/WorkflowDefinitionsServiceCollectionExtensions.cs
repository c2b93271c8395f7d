using DirectiveFlow.Core.Workflows.Expressions;
using DirectiveFlow.Core.Workflows.Validation;
using DirectiveFlow.Infrastructure.Configuration;
using DirectiveFlow.Infrastructure.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DirectiveFlow.Infrastructure.Workflows;

public static class WorkflowDefinitionsServiceCollectionExtensions
{
    /// <summary>Definitions: validator, condition evaluator, versioned store and the shipped-flow seeder.</summary>
    public static IServiceCollection AddDirectiveFlowWorkflowDefinitions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WorkflowSeedOptions>(configuration, WorkflowSeedOptions.Section);
        services.AddSingleton<ConditionEvaluator>();
        services.AddDirectiveFlowActivities();
        services.AddSingleton<WorkflowValidator>();
        services.AddScoped<WorkflowDefinitionStore>();
        services.AddScoped<WorkflowDefinitionSeeder>();
        return services;
    }

    /// <summary>Seeds the shipped flows when <c>Workflows:SeedOnStart</c> is on (the default).</summary>
    public static async Task SeedWorkflowDefinitionsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<WorkflowSeedOptions>();
        if (!options.SeedOnStart)
        {
            return;
        }

        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowDefinitionSeeder>().SeedAsync(options.ResolveFolder(), cancellationToken);
    }
}
