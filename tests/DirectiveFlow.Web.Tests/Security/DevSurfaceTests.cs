using System.Net;
using System.Net.Http.Json;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Web.Tests.Components;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static DirectiveFlow.Web.Tests.Security.SecurityHosts;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>The demo's mailbox and clock: absent in Production, for administrators only elsewhere.</summary>
public sealed class DevSurfaceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task In_Production_the_dev_api_the_mailbox_page_and_the_clock_form_do_not_exist()
    {
        await using var app = await ProductionAsync();
        using var anonymous = Browser(app);
        await Accounts.CreateAsync(app, "quantri", Roles.Administrator);
        using var admin = Browser(app);
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await app.GetTokenAsync("quantri", Accounts.OwnPassword));

        foreach (var client in new[] { anonymous, admin })
        {
            // Each answers exactly as a path that was never mapped: GET 404; an unknown POST meets the static files'
            // GET-only fallback (405), whatever the path.
            var unmappedPost = (await client.PostAsJsonAsync("/api/khong-co", new { advance = "P1D" }, Ct)).StatusCode;
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/khong-co", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/dev/mailbox", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/dev/clock", Ct)).StatusCode);
            Assert.Equal(unmappedPost, (await client.PostAsJsonAsync("/api/dev/clock", new { advance = "P1D" }, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/mailbox", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/mailbox", Ct)).StatusCode);
            Assert.Equal(unmappedPost, (await client.PostAsync("/dev/clock", new FormUrlEncodedContent([new("advance", "P1D")]), Ct)).StatusCode);
        }

        Assert.DoesNotContain(app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>(),
            e => e.RoutePattern.RawText!.StartsWith("/api/dev", StringComparison.Ordinal) || e.RoutePattern.RawText == "/dev/clock");
    }

    [Fact]
    public async Task A_unit_officer_can_neither_read_the_mailbox_nor_see_the_clock()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var officer = await app.CreateClientForAsync("00070-PARTY");

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/dev/mailbox", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/dev/clock", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/dev/clock", new { advance = "P1D" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_mailbox_page_and_its_link_are_for_administrators_only()
    {
        await using var app = await UiApp.StartAsync();
        using var officer = await UiBrowser.SignedInAsync(app, "00070-PARTY");
        using var admin = await UiBrowser.SignedInAsync(app, "admin");

        Assert.DoesNotContain("href=\"mailbox\"", await officer.PageAsync("/inbox"), StringComparison.Ordinal);
        using var page = await officer.GetAsync("/mailbox");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("href=\"mailbox\"", await admin.PageAsync("/inbox"), StringComparison.Ordinal);
        Assert.Contains("demo-now", await admin.PageAsync("/mailbox"), StringComparison.Ordinal);
    }
}
