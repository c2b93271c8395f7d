using DirectiveFlow.Infrastructure.Configuration;
using DirectiveFlow.Infrastructure.Demo;
using DirectiveFlow.Infrastructure.Email;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// Refuses to start a deployed host (<see cref="DeployedEnvironment"/>: any environment but Development and Testing)
/// that would accept forged tokens or publicly known demo passwords; and a Production host in demo mode at all, or with
/// nowhere to send its email, or no public address to link to from it.
/// </summary>
public static class ProductionSafety
{
    public static void EnsureSafe(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDeployed())
        {
            return;
        }

        var name = environment.EnvironmentName;
        var auth = ValidatedOptions.Read<AuthOptions>(configuration, AuthOptions.Section);
        if (auth.UsesDevelopmentKey)
        {
            throw new SettingsException(
                $"{name} refuses to start with the built-in development signing key, published with the source (anyone could sign "
                + "an administrator's token with it): set Auth:SigningKey (32+ characters) from a secret. Only Development and "
                + "Testing run without one.");
        }

        if (auth.EffectiveSigningKey.Length < 32)
        {
            throw new SettingsException("Auth:SigningKey must be at least 32 characters long.");
        }

        var demo = ValidatedOptions.Read<DemoOptions>(configuration, DemoOptions.Section);
        if (demo.Enabled && demo.Password == DemoOptions.DefaultPassword)
        {
            throw new SettingsException(
                $"{name} refuses to start in demo mode with the published demo password: set Demo:Password to one of your own, "
                + "or Demo:Enabled=false. Only Development and Testing run with it.");
        }

        if (!environment.IsProduction())
        {
            return;
        }

        if (demo.Enabled)
        {
            throw new SettingsException(
                "Production refuses to start in demo mode (Demo:Enabled=true): demo accounts share a published password.");
        }

        if (configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>()?.HasOutsideServer != true)
        {
            throw new SettingsException(
                "Production refuses to start without an SMTP server: set Smtp:Host (and Smtp:Port, Smtp:UseTls, "
                + "Smtp:UserName, Smtp:Password, Smtp:From as your server needs). Reminders and escalations go out by email.");
        }

        if (Infrastructure.Email.Links.PublicAddress.Configured(configuration) is null)
        {
            throw new SettingsException(
                "Production refuses to start without App:BaseUrl, the public https:// address officials open: every email "
                + "links to a task or a report on it (e.g. App:BaseUrl=https://directiveflow.hanoi.gov.vn).");
        }
    }
}
