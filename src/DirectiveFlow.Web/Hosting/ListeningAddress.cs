using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Infrastructure.Email.Links;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DirectiveFlow.Web.Hosting;

/// <summary>
/// Without <c>App:BaseUrl</c> (a developer's machine), email links follow the address the server actually listens on
/// once it does — a dynamic port included. With it set, nothing changes.
/// </summary>
public static class ListeningAddress
{
    public static WebApplication UseListeningAddressForLinks(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() => Refresh(app));
        return app;
    }

    /// <summary>The address links start with, taken from the listening server first if none is configured (idempotent).</summary>
    public static string Refresh(WebApplication app)
    {
        var options = app.Services.GetRequiredService<OutboxOptions>();
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (!options.BaseUrlConfigured && addresses is not null && PublicAddress.FromListening(addresses) is { } listening)
        {
            options.BaseUrl = listening;
        }

        return options.BaseUrl;
    }
}
