using System.Net;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>Bearer tokens and cookies end with their session: the security stamp is checked on each request.</summary>
public sealed class SessionEndTests
{
    private const string Officer = "00070-PARTY";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> AccountChanges()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in TestDatabase.Providers.Select(p => (string)p.Data))
        {
            foreach (var change in new[] { "password changed", "locked", "deactivated" })
            {
                data.Add(change, provider);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AccountChanges))]
    public async Task Tokens_and_cookies_issued_before_the_account_changed_stop_working(string change, string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider);
        using var bearer = await app.CreateClientForAsync(Officer);
        using var cookie = SecurityHosts.Browser(app);
        await AccountForms.SignInAsync(cookie, Officer);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/tasks", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/api/tasks", Ct)).StatusCode);

        await Accounts.ChangeUserAsync(app, Officer, (users, user) => change switch
        {
            "password changed" => users.ChangePasswordAsync(user, DirectiveFlowWebFactory.DemoPassword, Accounts.OwnPassword),
            "locked" => users.SetLockoutEndDateAsync(user, TimeProvider.System.GetUtcNow().AddHours(1)),
            _ => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/tasks", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/tasks", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_cookie_replayed_after_logout_gets_401_and_so_does_the_accounts_bearer_token()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var bearer = await app.CreateClientForAsync(Officer);
        using var browser = SecurityHosts.Browser(app);
        using var login = await AccountForms.LoginAsync(browser, Officer);
        var sessionCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("DirectiveFlow.Auth=", StringComparison.Ordinal)).Split(';')[0];
        using var replay = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", sessionCookie);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/api/tasks", Ct)).StatusCode);

        using var logout = await AccountForms.LogoutAsync(browser);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/tasks", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/tasks", Ct)).StatusCode);
        using var again = SecurityHosts.Browser(app);
        await AccountForms.SignInAsync(again, Officer);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/tasks", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stamp_changed_by_another_node_ends_the_session_here_within_the_cache_period(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider, new Dictionary<string, string?> { ["Sessions:StampCacheSeconds"] = "1" });
        using var bearer = await app.CreateClientForAsync(Officer);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/tasks", Ct)).StatusCode);

        // Another node writes the row; this node's user manager never hears of it.
        await using (var db = app.Database.CreateContext())
        {
            await db.Users.Where(u => u.UserName == Officer).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, "rotated-elsewhere"), Ct);
        }

        var status = HttpStatusCode.OK;
        for (var waited = 0; status == HttpStatusCode.OK && waited < 5_000; waited += 250)
        {
            await Task.Delay(250, Ct);
            status = (await bearer.GetAsync("/api/tasks", Ct)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
