using System.Net;
using System.Net.Http.Json;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>Authentication runs on real time: moving the demo clock moves deadlines, not token or cookie lifetimes.</summary>
public sealed class DemoClockSignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_the_demo_clock_moves_a_day_ahead_new_tokens_new_cookie_sign_ins_and_open_sessions_all_work()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var earlier = SecurityHosts.Browser(app);
        await AccountForms.SignInAsync(earlier, "01-COMMITTEE");
        using var admin = await app.CreateClientForAsync("admin");

        using var advanced = await admin.PostAsJsonAsync("/api/dev/clock", new { advance = "P1D" }, Ct);
        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);

        using var withNewToken = await app.CreateClientForAsync("00070-PARTY");
        Assert.Equal(HttpStatusCode.OK, (await withNewToken.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await earlier.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await earlier.GetAsync("/inbox", Ct)).StatusCode);

        using var later = SecurityHosts.Browser(app);
        await AccountForms.SignInAsync(later, "00070-PARTY.head");
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/inbox", Ct)).StatusCode);
    }
}
