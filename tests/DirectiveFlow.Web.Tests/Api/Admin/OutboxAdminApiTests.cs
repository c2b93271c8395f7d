using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Core.Email;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Admin;

public sealed class OutboxAdminApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Administrators_see_dead_letters_with_their_error_and_retry_them(string provider)
    {
        await using var factory = await DirectiveFlowWebFactory.CreateAsync(provider);
        using var client = await factory.CreateClientForAsync("admin");
        var dead = new OutboxMessage
        {
            DedupeKey = "escalation:test:1", To = "x@example.vn", Subject = "[Quá hạn] Thử", HtmlBody = "", TextBody = "t",
            Status = OutboxStatus.DeadLetter, Attempts = 8, LastError = "SocketException: Connection refused",
        };
        await using (var db = factory.Database.CreateContext())
        {
            db.Outbox.Add(dead);
            db.Outbox.Add(new OutboxMessage { DedupeKey = "due:test", To = "y@example.vn", Subject = "s", HtmlBody = "", TextBody = "t", Status = OutboxStatus.Sent });
            await db.SaveChangesAsync(Ct);
        }

        var list = await client.GetFromJsonAsync<JsonElement>("/api/admin/outbox?status=DeadLetter", Ct);
        using var retry = await client.PostAsync($"/api/admin/outbox/{dead.Id}/retry", null, Ct);
        using var again = await client.PostAsync($"/api/admin/outbox/{dead.Id}/retry", null, Ct);
        using var missing = await client.PostAsync($"/api/admin/outbox/{dead.Id + 1000}/retry", null, Ct);
        using var notAnId = await client.PostAsync($"/api/admin/outbox/{Guid.NewGuid()}/retry", null, Ct);
        using var bad = await client.GetAsync("/api/admin/outbox?status=Lost", Ct);

        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var item = list.GetProperty("items")[0];
        Assert.Equal("DeadLetter", item.GetProperty("status").GetString());
        Assert.Equal("SocketException: Connection refused", item.GetProperty("lastError").GetString());
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var pending = await client.GetFromJsonAsync<JsonElement>("/api/admin/outbox?status=Pending", Ct);
        Assert.Equal(0, pending.GetProperty("items")[0].GetProperty("attempts").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task After_an_outage_an_administrator_retries_every_dead_letter_at_once_and_health_stops_warning(string provider)
    {
        await using var factory = await DirectiveFlowWebFactory.CreateAsync(provider);
        using var client = await factory.CreateClientForAsync("admin");
        using var observer = await factory.CreateClientForAsync("observer");
        await using (var db = factory.Database.CreateContext())
        {
            for (var i = 0; i < 3; i++)
            {
                db.Outbox.Add(new OutboxMessage
                {
                    DedupeKey = $"dead:{i}", To = "x@example.vn", Subject = "[Quá hạn] Thử", HtmlBody = "", TextBody = "t",
                    Status = OutboxStatus.DeadLetter, Attempts = 8, LastError = "SocketException: Connection refused",
                });
            }

            db.Outbox.Add(new OutboxMessage { DedupeKey = "sent", To = "y@example.vn", Subject = "s", HtmlBody = "", TextBody = "t", Status = OutboxStatus.Sent });
            await db.SaveChangesAsync(Ct);
        }

        var warned = await client.GetStringAsync("/health", Ct);
        using var refused = await observer.PostAsync("/api/admin/outbox/retry-dead-letters", null, Ct);
        using var retried = await client.PostAsync("/api/admin/outbox/retry-dead-letters", null, Ct);
        var again = await client.PostAsync("/api/admin/outbox/retry-dead-letters", null, Ct);

        Assert.Contains("outbox: Degraded — 3 email(s) could not be sent (dead letters)", warned, StringComparison.Ordinal);
        Assert.StartsWith("Degraded", warned, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(3, (await retried.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("retried").GetInt32());
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("retried").GetInt32());
        var pending = await client.GetFromJsonAsync<JsonElement>("/api/admin/outbox?status=Pending", Ct);
        Assert.Equal(3, pending.GetProperty("total").GetInt32());
        Assert.DoesNotContain("dead letters", await client.GetStringAsync("/health", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outbox_is_for_administrators_only()
    {
        await using var factory = await DirectiveFlowWebFactory.CreateAsync();
        using var client = await factory.CreateClientForAsync("observer");

        using var response = await client.GetAsync("/api/admin/outbox", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
