using System.Net;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static DirectiveFlow.Web.Tests.Security.SecurityHosts;

namespace DirectiveFlow.Web.Tests.Security;

public sealed class SecurityHeadersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_response_carries_the_csp_and_the_other_security_headers_and_no_server_header()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)),
        };

        // A page, a redirect, an API 401, a static file, health, a page that does not exist.
        foreach (var path in new[] { "/login", "/inbox", "/api/units", "/favicon.svg", "/health", "/khong-co-trang-nay" })
        {
            using var response = await client.GetAsync(path, Ct);
            var csp = Header(response, "Content-Security-Policy");
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9_-]{22}';", csp);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
            Assert.False(response.Headers.Contains("Server"), $"{path} sends Server: {string.Join(",", response.Headers.Server)}");
        }
    }

    [Fact]
    public async Task The_import_map_carries_the_nonce_of_its_own_response()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/login", Ct);
        var nonce = System.Text.RegularExpressions.Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;

        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var next = await client.GetAsync("/login", Ct);
        Assert.DoesNotContain($"'nonce-{nonce}'", Header(next, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_sends_hsts_redirects_http_to_https_and_marks_every_cookie_secure()
    {
        await using var app = await ProductionAsync(new Dictionary<string, string?> { ["https_port"] = "443" });
        using var https = Browser(app, "https://directiveflow.hanoi.gov.vn");
        using var http = Browser(app, "http://directiveflow.hanoi.gov.vn");
        await Accounts.CreateAsync(app, "quantri", DirectiveFlow.Infrastructure.Identity.Roles.Administrator);

        using var redirected = await http.GetAsync("/login?returnUrl=%2Finbox", Ct);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://directiveflow.hanoi.gov.vn/login?returnUrl=%2Finbox", redirected.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health", Ct)).StatusCode);

        using var page = await https.GetAsync("/login", Ct);
        Assert.StartsWith("max-age=31536000", Header(page, "Strict-Transport-Security"), StringComparison.Ordinal);
        using var login = await AccountForms.LoginAsync(https, "quantri", Accounts.OwnPassword);
        var cookies = page.Headers.GetValues("Set-Cookie").Concat(login.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("DirectiveFlow.Auth=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forwarded_headers_are_believed_from_a_configured_proxy_only()
    {
        await using var app = await ProductionAsync(new Dictionary<string, string?>
        {
            ["https_port"] = "443",
            ["ReverseProxy:KnownProxies:0"] = "10.1.2.3",
        });
        using var warmUp = app.CreateClient();

        var fromProxy = await app.Server.SendAsync(c => Forwarded(c, "10.1.2.3"), Ct);
        var fromStranger = await app.Server.SendAsync(c => Forwarded(c, "10.9.9.9"), Ct);

        Assert.Equal(StatusCodes.Status200OK, fromProxy.Response.StatusCode);
        Assert.Equal("203.0.113.7", fromProxy.Connection.RemoteIpAddress?.ToString());
        Assert.Equal(StatusCodes.Status307TemporaryRedirect, fromStranger.Response.StatusCode);
        Assert.Equal("10.9.9.9", fromStranger.Connection.RemoteIpAddress?.ToString());
    }

    private static void Forwarded(HttpContext context, string peer)
    {
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("directiveflow.hanoi.gov.vn");
        context.Request.Path = "/login";
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no {name} header.");
}
