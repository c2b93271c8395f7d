using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>Hosts for the security tests: a Production host that starts (own key, SMTP host, demo off), and clients.</summary>
public static class SecurityHosts
{
    public const string StrongKey = "a-production-secret-that-is-long-enough-0123456789";

    /// <summary>What Production needs to start, plus <paramref name="more"/>.</summary>
    public static Dictionary<string, string?> ProductionSettings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false",
            ["Auth:SigningKey"] = StrongKey,
            ["Smtp:Host"] = "smtp.invalid",
            ["App:BaseUrl"] = "https://directiveflow.hanoi.gov.vn",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static Task<DirectiveFlowWebFactory> ProductionAsync(
        IDictionary<string, string?>? more = null, Action<IServiceCollection>? services = null, string provider = nameof(DatabaseProvider.Sqlite)) =>
        DirectiveFlowWebFactory.CreateAsync(provider, ProductionSettings(more), services, environment: "Production");

    /// <summary>A client that keeps cookies and shows redirects; https by default (Production's cookies are Secure).</summary>
    public static HttpClient Browser(DirectiveFlowWebFactory app, string baseAddress = "https://localhost") =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    public static string Flatten(Exception error) =>
        error is AggregateException aggregate ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
        : error.InnerException is null ? error.Message : error.Message + " | " + Flatten(error.InnerException);
}
