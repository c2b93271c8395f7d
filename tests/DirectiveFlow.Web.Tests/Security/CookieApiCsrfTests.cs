using System.Net;
using System.Net.Http.Json;
using System.Text;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Web.Tests.Api.Tasks;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Security;

/// <summary>
/// Another site can make a browser post anything with the session cookie attached; the API changes nothing on the
/// strength of that cookie alone. The UI never writes through /api, bearer clients do.
/// </summary>
public sealed class CookieApiCsrfTests
{
    private const string Csv = "code,name,type\n99901,Phường Giả Mạo,phuong\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cross_site_text_plain_post_with_the_admin_cookie_imports_nothing_while_a_bearer_import_works()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var browser = SecurityHosts.Browser(app);
        await AccountForms.SignInAsync(browser, "admin");

        using var forged = await browser.PostAsync("/api/org/localities/import", new StringContent(Csv, Encoding.UTF8, "text/plain"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.Localities.AnyAsync(l => l.Code == "99901", Ct));
        }

        using var api = await app.CreateClientForAsync("admin");
        using var imported = await api.PostAsync("/api/org/localities/import", new StringContent(Csv, Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/units?locality=99901", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_cookie_only_multipart_upload_stores_nothing_while_the_same_upload_with_a_bearer_token_is_stored()
    {
        await using var world = await TaskApiWorld.CreateAsync();
        var task = await world.AddTaskAsync(status: UnitTaskStatus.InProgress);
        using var browser = SecurityHosts.Browser(world.App);
        await AccountForms.SignInAsync(browser, "00070-COMMITTEE");

        using var forged = await browser.PostAsync($"/api/tasks/{task.Id}/attachments", AttachmentFiles.Form("bao-cao.pdf", AttachmentFiles.Pdf), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(0, await world.WithDbAsync(db => db.Attachments.CountAsync(a => a.TaskId == task.Id, Ct)));
        var api = await world.ClientAsync("00070-COMMITTEE");
        using var stored = await api.PostAsync($"/api/tasks/{task.Id}/attachments", AttachmentFiles.Form("bao-cao.pdf", AttachmentFiles.Pdf), Ct);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
    }

    [Fact]
    public async Task Cookie_only_put_and_delete_to_the_api_are_refused_and_change_nothing()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var browser = SecurityHosts.Browser(app);
        await AccountForms.SignInAsync(browser, "admin");
        Guid unitId;
        await using (var db = app.Database.CreateContext())
        {
            unitId = await db.Units.Where(u => u.Code == "00070-PARTY").Select(u => u.Id).SingleAsync(Ct);
        }

        using var put = await browser.PutAsJsonAsync($"/api/units/{unitId}", new { name = "Đổi tên giả mạo" }, Ct);
        using var delete = await browser.DeleteAsync($"/api/units/{unitId}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal("Đảng ủy phường Hoàn Kiếm", await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(Ct));
        }
    }
}
