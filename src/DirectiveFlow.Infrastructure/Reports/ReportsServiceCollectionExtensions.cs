using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Reports.NotReached;
using DirectiveFlow.Infrastructure.Reports.Weekly;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Infrastructure.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>
    /// The leadership views' services: the caller's scope, the not-reached reader and the weekly email's report files.
    /// Handlers come from Mediator.
    /// </summary>
    public static IServiceCollection AddDirectiveFlowReports(this IServiceCollection services)
    {
        services.AddScoped<ReportScopeResolver>();
        services.AddScoped<NotReachedReader>();
        services.AddScoped<IEmailAttachmentSource, WeeklyReportAttachments>();
        return services;
    }
}
