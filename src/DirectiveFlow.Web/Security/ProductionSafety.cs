using DirectiveFlow.Infrastructure.Configuration;
using DirectiveFlow.Infrastructure.Demo;
using DirectiveFlow.Infrastructure.Email;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// Refuses to start a Production host that would accept forged tokens or publicly known demo passwords, or that has
/// nowhere to send its email, or no public address to link to from it.
/// </summary>
public static class ProductionSafety
{
    public static void EnsureSafe(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return;
        }

        var auth = ValidatedOptions.Read<AuthOptions>(configuration, AuthOptions.Section);
        if (auth.UsesDevelopmentKey)
        {
            throw new InvalidOperationException(
                "Production refuses to start with the built-in development signing key: set Auth:SigningKey (32+ characters) from a secret.");
        }

        if (auth.EffectiveSigningKey.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 characters long.");
        }

        if (ValidatedOptions.Read<DemoOptions>(configuration, DemoOptions.Section).Enabled)
        {
            throw new InvalidOperationException(
                "Production refuses to start in demo mode (Demo:Enabled=true): demo accounts share a published password.");
        }

        if (configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>()?.HasOutsideServer != true)
        {
            throw new InvalidOperationException(
                "Production refuses to start without an SMTP server: set Smtp:Host (and Smtp:Port, Smtp:UseTls, "
                + "Smtp:UserName, Smtp:Password, Smtp:From as your server needs). Reminders and escalations go out by email.");
        }

        if (Infrastructure.Email.Links.PublicAddress.Configured(configuration) is null)
        {
            throw new InvalidOperationException(
                "Production refuses to start without App:BaseUrl, the public https:// address officials open: every email "
                + "links to a task or a report on it (e.g. App:BaseUrl=https://directiveflow.hanoi.gov.vn).");
        }
    }
}
