using DirectiveFlow.Core.Calendar;
using DirectiveFlow.Infrastructure.Calendar;
using DirectiveFlow.Infrastructure.Configuration;
using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Digest;
using DirectiveFlow.Infrastructure.Email.Links;
using DirectiveFlow.Infrastructure.Email.Mailbox;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Scheduling.Digests;
using DirectiveFlow.Infrastructure.Scheduling.Sweep;
using DirectiveFlow.Infrastructure.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace DirectiveFlow.Infrastructure.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// The working-day calendar (database-backed), email (outbox, templates, SMTP or, in demo mode, the embedded catcher), the sweep,
    /// digests and the Quartz jobs (on real time), and in demo mode the movable clock, shared through the database, as THE
    /// TimeProvider.
    /// </summary>
    public static IServiceCollection AddDirectiveFlowScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var scheduling = services.AddValidatedOptions<SchedulingOptions>(configuration, SchedulingOptions.Section);
        services.AddValidatedOptions<OutboxOptions>(configuration, OutboxOptions.Section);
        services.AddValidatedOptions<AppOptions>(configuration, AppOptions.Section);
        services.PostConfigure<OutboxOptions>(o =>
        {
            o.BaseUrl = PublicAddress.Resolve(configuration);
            o.BaseUrlConfigured = PublicAddress.Configured(configuration) is not null;
        });
        services.AddValidatedOptions<EscalationDigestOptions>(configuration, EscalationDigestOptions.Section);
        var smtp = services.AddValidatedOptions<SmtpOptions>(configuration, SmtpOptions.Section);

        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<EmailTemplateStore>();
        services.AddSingleton<EmailRenderer>();
        services.AddSingleton(sp => new SmtpMailSender(sp.GetRequiredService<SmtpOptions>(), sp.GetService<EmbeddedSmtpCatcher>()));
        services.AddScoped<EscalationDigestWriter>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<OutboxAdministration>();
        services.AddScoped<DueWorkSweeper>();
        services.AddScoped<DueWorkRunner>();
        services.AddScoped<DailyDigestService>();
        services.AddScoped<WeeklySummaryService>();
        // In-process catching is a demo feature: elsewhere, without a host, mail stays queued (and /health says so).
        if (!smtp.HasOutsideServer && configuration.GetValue<bool>("Demo:Enabled"))
        {
            services.AddSingleton(new CaughtMailbox());
            services.AddSingleton<EmbeddedSmtpCatcher>();
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedSmtpCatcher>());
        }

        if (scheduling.Enabled)
        {
            var database = ValidatedOptions.Read<DatabaseOptions>(configuration, DatabaseOptions.Section);
            services.AddDirectiveFlowQuartz(scheduling, database.Provider, database.ResolveConnectionString());
            services.AddQuartzHostedService(QuartzSetup.SchedulerName, o => o.WaitForJobsToComplete = true);
        }

        return services;
    }

    /// <summary>
    /// Reads the demo clock's shared offset (in demo mode), seeds this year's and next year's calendar (idempotent) and
    /// loads it, before the host serves requests.
    /// </summary>
    public static async Task PrepareSchedulingAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await DomainTime.RefreshAsync(services, cancellationToken);
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DirectiveFlowDbContext>();
            var year = VietnamTime.DateOf(services.GetRequiredService<TimeProvider>().GetUtcNow()).Year;
            await CalendarSeeder.SeedAsync(db, year, cancellationToken);
        }

        await services.GetRequiredService<DatabaseWorkingDayCalendar>().ReloadAsync(cancellationToken);
    }
}
