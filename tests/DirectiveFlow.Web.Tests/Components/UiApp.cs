using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Components;

/// <summary>Starts the app for page tests: the first request runs migrations and seeds the demo organisation and logins.</summary>
public static class UiApp
{
    public static async Task<DirectiveFlowWebFactory> StartAsync(string provider = nameof(DatabaseProvider.Sqlite))
    {
        var app = await DirectiveFlowWebFactory.CreateAsync(provider);
        using (app.CreateClient())
        {
        }

        return app;
    }
}
