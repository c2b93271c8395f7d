using DirectiveFlow.Infrastructure.Demo;
using Microsoft.Extensions.Options;

namespace DirectiveFlow.Web.Hosting;

/// <summary>What a developer who ran the demo needs to read in the console.</summary>
public static class DemoAnnouncement
{
    /// <summary>Once the server listens, tells whoever ran <c>dotnet run</c> where to go and how to sign in.</summary>
    public static WebApplication AnnounceDemoLogins(this WebApplication app)
    {
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!demo.Enabled)
        {
            return app;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var url = ListeningAddress.Refresh(app);
            app.Logger.LogWarning(
                """
                DirectiveFlow demo mode — open {Url}/login
                  Mật khẩu / password for every demo account: {Password}
                  admin (Administrator) · observer (Observer)
                  per unit: officer = unit code, e.g. 00070-PARTY; head = code + ".head", e.g. 00070-PARTY.head
                  city issuers: 01-PARTY, 01-COUNCIL, 01-COMMITTEE, 01-FRONT (and their .head)
                """,
                url.TrimEnd('/'), demo.Password);
        });
        return app;
    }
}
