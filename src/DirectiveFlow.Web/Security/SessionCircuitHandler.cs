using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.JSInterop;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// The studio's live circuit was authorized once, when the page loaded; a session ended since (signed out elsewhere,
/// password changed, account locked) must not go on editing through it. Every event the browser sends is checked
/// against the <see cref="SessionValidator"/> (a cached read); a dead session's event is dropped and the browser sent
/// to the login page.
/// </summary>
public sealed class SessionCircuitHandler(
    AuthenticationStateProvider authentication, SessionValidator sessions, NavigationManager navigation, IJSRuntime js) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            if (user.Identity?.IsAuthenticated == true && !await sessions.IsCurrentAsync(user, CancellationToken.None))
            {
                // Straight to the browser: this runs off the renderer's dispatcher, where NavigationManager may not navigate.
                var here = "/" + navigation.ToBaseRelativePath(navigation.Uri);
                await js.InvokeVoidAsync("location.assign", navigation.BaseUri + "login?returnUrl=" + Uri.EscapeDataString(here));
                return;
            }

            await next(context);
        };
}
