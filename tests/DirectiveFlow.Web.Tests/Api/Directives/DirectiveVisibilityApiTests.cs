using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Directives;

/// <summary>A directive's views list every unit's work, so a ward must not read them; it sees its own tasks instead.</summary>
public sealed class DirectiveVisibilityApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ward_officer_cannot_read_directive_wide_views_but_issuers_and_observers_can()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync("Sqlite", DirectivesApiTests.NoMailCatcher);
        using var issuer = await app.CreateClientForAsync("01-COMMITTEE");
        using var issued = await issuer.PostAsJsonAsync("/api/directives", new
        {
            number = "Chỉ thị số 07/CT-UBND", title = "Xử lý điểm nghẽn Vành đai 2.5",
            issuingUnitId = await DirectivesApiTests.UnitIdAsync(issuer, "01-COMMITTEE"),
            workflowDefinitionId = "committee-directive", inputs = new { deadlineDays = 5 },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var id = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        string[] views = ["/api/directives", $"/api/directives/{id}", $"/api/directives/{id}/tasks", $"/api/directives/{id}/journal"];

        using var ward = await app.CreateClientForAsync("00070-COMMITTEE");
        using var observer = await app.CreateClientForAsync("observer");
        foreach (var view in views)
        {
            using var refused = await ward.GetAsync(view, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            using var allowed = await observer.GetAsync(view, Ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            using var own = await issuer.GetAsync(view, Ct);
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        using var inbox = await ward.GetAsync($"/api/tasks?directiveId={id}", Ct);
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        var items = (await inbox.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, t => Assert.Equal("00070-COMMITTEE", t.GetProperty("unitCode").GetString()));
    }
    [Fact]
    public async Task Another_provinces_issuer_neither_lists_nor_reads_a_directive()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync("Sqlite", DirectivesApiTests.NoMailCatcher);
        using var admin = await app.CreateClientForAsync("admin");
        using var csv = new StringContent("province_code,province_name,code,name,type\n48,Thành phố Đà Nẵng,20194,Hải Châu,phuong\n",
            System.Text.Encoding.UTF8, "text/csv");
        using var imported = await admin.PostAsync("/api/org/localities/import", csv, Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        using var hanoi = await app.CreateClientForAsync("01-COMMITTEE");
        var id = await DirectivesApiTests.IssueAsync(hanoi, "01-COMMITTEE", "committee-directive", "Chỉ thị số 08/CT-UBND", "Trật tự đô thị",
            new { deadlineDays = 5 });

        using var danang = await app.CreateClientForAsync("48-COMMITTEE");
        var list = await danang.GetFromJsonAsync<JsonElement>("/api/directives", Ct);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        foreach (var view in new[] { $"/api/directives/{id}", $"/api/directives/{id}/tasks", $"/api/directives/{id}/journal" })
        {
            using var refused = await danang.GetAsync(view, Ct);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        // The same city's other pillars and the administrator still read it.
        using var party = await app.CreateClientForAsync("01-PARTY");
        Assert.Contains((await party.GetFromJsonAsync<JsonElement>("/api/directives", Ct)).GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        using var read = await admin.GetAsync($"/api/directives/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
