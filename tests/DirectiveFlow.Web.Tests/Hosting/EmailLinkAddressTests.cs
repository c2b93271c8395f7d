using DirectiveFlow.Infrastructure.Email;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Hosting;

public sealed class EmailLinkAddressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_App_BaseUrl_email_links_start_where_the_server_actually_listens()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(
            settings: new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false" }, environment: "Development");
        var served = new Uri(app.ServeOnKestrel());

        var links = new Uri(app.Services.GetRequiredService<OutboxOptions>().BaseUrl);

        Assert.NotEqual(5000, served.Port);
        Assert.Equal(served.Port, links.Port);
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(links, "/health"), Ct);
        Assert.True(response.IsSuccessStatusCode, $"{links}health answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task With_App_BaseUrl_email_links_start_there_whatever_the_server_listens_on()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(
            settings: new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false", ["App:BaseUrl"] = "https://directiveflow.hanoi.gov.vn/" },
            environment: "Development");
        app.ServeOnKestrel();

        Assert.Equal("https://directiveflow.hanoi.gov.vn", app.Services.GetRequiredService<OutboxOptions>().BaseUrl);
    }
}
