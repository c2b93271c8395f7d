using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.JSInterop;

namespace DirectiveFlow.Web.Security;

/// <summary>
/// The studio's live circuit was authorized once, when the page loaded; a session ended since (signed out elsewhere,
/// password changed, account locked) must not go on editing through it. Every message the browser sends is checked
/// against the <see cref="SessionValidator"/> (a cached read); once the session is over, messages are dropped and the
/// browser is sent to the login page.
/// </summary>
public sealed class SessionCircuitHandler(
    AuthenticationStateProvider authentication, SessionValidator sessions, NavigationManager navigation, IJSRuntime js) : CircuitHandler
{
    private int _ended;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            if (Volatile.Read(ref _ended) == 1)
            {
                return;
            }

            var user = (await authentication.GetAuthenticationStateAsync()).User;
            if (user.Identity?.IsAuthenticated == true && !await sessions.IsCurrentAsync(user, CancellationToken.None))
            {
                if (Interlocked.Exchange(ref _ended, 1) == 0)
                {
                    _ = SendToLoginAsync();
                }

                return;
            }

            await next(context);
        };

    /// <summary>
    /// Not awaited: the browser's answer would arrive as one more message, which is dropped. Straight through JS, as
    /// this runs off the renderer's dispatcher, where NavigationManager may not navigate.
    /// </summary>
    private async Task SendToLoginAsync()
    {
        try
        {
            var here = "/" + navigation.ToBaseRelativePath(navigation.Uri);
            await js.InvokeVoidAsync("location.assign", navigation.BaseUri + "login?returnUrl=" + Uri.EscapeDataString(here));
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or OperationCanceledException)
        {
            // The page is leaving, or already gone: nothing more to do.
        }
    }
}
