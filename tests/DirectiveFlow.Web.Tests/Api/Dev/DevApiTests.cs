using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Infrastructure.Time;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Api.Dev;

public sealed class DevApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Advancing_the_demo_clock_moves_the_applications_time_provider()
    {
        await using var factory = await DirectiveFlowWebFactory.CreateAsync();
        using var client = await factory.CreateClientForAsync("admin");
        var time = factory.Services.GetRequiredService<TimeProvider>();
        var before = time.GetUtcNow();

        using var response = await client.PostAsJsonAsync("/api/dev/clock", new { advance = "P3D" }, Ct);
        var state = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        using var invalid = await client.PostAsJsonAsync("/api/dev/clock", new { advance = "three days" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("P3D", state.GetProperty("offset").GetString());
        Assert.True(time.GetUtcNow() - before >= TimeSpan.FromDays(3));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var clock = await client.GetFromJsonAsync<JsonElement>("/api/dev/clock", Ct);
        Assert.Equal("P3D", clock.GetProperty("offset").GetString());
    }

    [Fact]
    public async Task Outside_demo_mode_the_clock_answers_404()
    {
        await using var factory = await DirectiveFlowWebFactory.CreateAsync(settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        using var anonymous = factory.CreateClient();
        using var token = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = DirectiveFlowWebFactory.DemoPassword }, Ct);
        if (token.StatusCode != HttpStatusCode.OK)
        {
            // Without demo accounts there is nobody to sign in as; the endpoint still refuses strangers.
            using var refused = await anonymous.GetAsync("/api/dev/clock", Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Null(factory.Services.GetService<DirectiveFlow.Infrastructure.Time.DemoTimeProvider>());
            return;
        }

        using var client = await factory.CreateClientForAsync("admin");
        using var get = await client.GetAsync("/api/dev/clock", Ct);
        using var post = await client.PostAsJsonAsync("/api/dev/clock", new { advance = "P1D" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("demo-clock-off", (await get.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_mailbox_lists_what_the_embedded_catcher_received()
    {
        await using var factory = await DirectiveFlowWebFactory.CreateAsync();
        using var client = await factory.CreateClientForAsync("admin");
        var catcher = factory.Services.GetRequiredService<DirectiveFlow.Infrastructure.Email.Mailbox.EmbeddedSmtpCatcher>();
        using (var smtp = new MailKit.Net.Smtp.SmtpClient())
        {
            await smtp.ConnectAsync("127.0.0.1", catcher.Port, MailKit.Security.SecureSocketOptions.None, Ct);
            var message = new MimeKit.MimeMessage { Subject = "[Quá hạn] Cải tạo Hồ Tây" };
            message.From.Add(MimeKit.MailboxAddress.Parse("no-reply@directiveflow.local"));
            message.To.Add(MimeKit.MailboxAddress.Parse("chutich@tayho.hanoi.gov.vn"));
            message.Body = new MimeKit.TextPart("plain") { Text = "Nội dung" };
            await smtp.SendAsync(message, Ct);
            await smtp.DisconnectAsync(true, Ct);
        }

        var page = await client.GetFromJsonAsync<JsonElement>("/api/dev/mailbox?page=1&pageSize=10", Ct);

        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var item = page.GetProperty("items")[0];
        Assert.Equal("[Quá hạn] Cải tạo Hồ Tây", item.GetProperty("subject").GetString());
        Assert.Equal("chutich@tayho.hanoi.gov.vn", item.GetProperty("to")[0].GetString());
        Assert.Equal("Nội dung", item.GetProperty("text").GetString()!.Trim());
        using var html = await client.GetAsync("/mailbox", Ct);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains("[Quá hạn] Cải tạo Hồ Tây", await html.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
