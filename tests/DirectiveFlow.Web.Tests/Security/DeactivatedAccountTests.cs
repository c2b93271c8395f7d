using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>A deactivated person (issue 13, part 4) is out: no sign-in by the login form, and an open cookie session ends at once.</summary>
public sealed class DeactivatedAccountTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_deactivated_officer_loses_their_open_session_and_the_login_form_says_why_they_cannot_sign_in(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider);
        using var admin = await app.CreateClientForAsync("admin");
        using var session = SecurityHosts.Browser(app);
        await AccountForms.SignInAsync(session, "halt");
        using (var before = await session.GetAsync("/inbox", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var found = await admin.GetFromJsonAsync<JsonElement>("/api/users?q=halt", Ct);
        var id = found.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "halt").GetProperty("id").GetString();
        using (var deactivated = await admin.PostAsync($"/api/users/{id}/deactivate", null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        }

        using (var after = await session.GetAsync("/inbox", Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.Contains("/login", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using var again = SecurityHosts.Browser(app);
        using var refused = await AccountForms.LoginAsync(again, "halt");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var back = refused.Headers.Location!.OriginalString;
        Assert.StartsWith("/login?error=deactivated", back, StringComparison.Ordinal);
        var page = await again.GetStringAsync(back, Ct);
        Assert.Contains("Tài khoản đã ngừng hoạt động", page, StringComparison.Ordinal);
        using (var inbox = await again.GetAsync("/inbox", Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, inbox.StatusCode);
        }

        using var stranger = SecurityHosts.Browser(app);
        using var wrong = await AccountForms.LoginAsync(stranger, "halt", "Not@The2026Password");
        Assert.StartsWith("/login?error=invalid", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
