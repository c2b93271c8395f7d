using DirectiveFlow.Infrastructure.Configuration;
using DirectiveFlow.Infrastructure.Tasks.Access;
using DirectiveFlow.Infrastructure.Tasks.Attachments;
using DirectiveFlow.Infrastructure.Tasks.Commands;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Tasks;

public static class TasksServiceCollectionExtensions
{
    /// <summary>Task lifecycle services: caller resolution, the command workspace, read access, attachments. Handlers come from Mediator.</summary>
    public static IServiceCollection AddDirectiveFlowTasks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AttachmentOptions>(configuration, AttachmentOptions.Section);
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<HeldUploads>();
        services.AddHostedService<HeldUploadsSweeper>();
        services.AddScoped<TaskCallerResolver>();
        services.AddScoped<TaskWorkspace>();
        services.AddScoped<TaskReadAccess>();
        services.AddScoped<TaskClock>();
        services.AddScoped<TaskListSource>();
        services.AddSingleton<TaskOutcomes>();
        return services;
    }
}
