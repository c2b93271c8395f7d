using System.Text.Encodings.Web;
using System.Text.Unicode;
using DirectiveFlow.Web.Components.Directives;
using DirectiveFlow.Web.Components.Inbox;
using DirectiveFlow.Web.Components.Layout;
using DirectiveFlow.Web.Components.Overview;
using DirectiveFlow.Web.Localization;
using MudBlazor.Services;

namespace DirectiveFlow.Web.Components;

/// <summary>
/// The web UI: static server-rendered pages for the many (inbox, task, directive pages) and interactive server
/// components for the studio, which opts in per page with <c>@rendermode InteractiveServer</c>.
/// </summary>
public static class UiHostingExtensions
{
    public static WebApplicationBuilder AddDirectiveFlowUi(this WebApplicationBuilder builder)
    {
        // Vietnamese text goes out as UTF-8 characters, not as &#x...; entities for every letter with a diacritic.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<UiText>();
        builder.Services.AddScoped<CurrentUnitNames>();
        builder.Services.AddScoped<OverviewChoices>();
        return builder;
    }

    /// <summary>Call after authentication and authorization: antiforgery must see the signed-in user.</summary>
    public static WebApplication UseDirectiveFlowUi(this WebApplication app)
    {
        app.UseRequestLocalization(UiCultures.Options());
        app.UseBrowserNotFoundPage();
        app.UseAntiforgery();
        app.UseRefusedPagePosts();
        app.MapStaticAssets();
        app.MapUiEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
