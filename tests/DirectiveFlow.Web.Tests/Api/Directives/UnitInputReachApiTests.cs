using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Directives.Issuing;
using DirectiveFlow.Web.Tests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectiveFlow.Web.Tests.Api.Directives;

/// <summary>
/// A flow's unit inputs reach only the issuer's province, as numbered items do. Regression: Đà Nẵng's committee left the
/// pre-filled 01-COMMITTEE in place and Hà Nội's UBND got its task; Hà Nội's Front addressed another city's UBND.
/// </summary>
public sealed class UnitInputReachApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_unit_input_outside_the_issuers_province_is_refused_and_a_Hanoi_default_becomes_the_issuers_own_body()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync("Sqlite", DirectivesApiTests.NoMailCatcher);
        using var admin = await app.CreateClientForAsync("admin");
        using var csv = new StringContent("province_code,province_name,code,name,type\n48,Thành phố Đà Nẵng,20194,Hải Châu,phuong\n",
            System.Text.Encoding.UTF8, "text/csv");
        using (var imported = await admin.PostAsync("/api/org/localities/import", csv, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        using var front = await app.CreateClientForAsync("01-FRONT");
        using (var refused = await front.PostAsJsonAsync("/api/directives", Body(await DirectivesApiTests.UnitIdAsync(front, "01-FRONT"), "front-supervision",
            new { addressedUnits = new[] { "01-COMMITTEE", "48-COMMITTEE" }, deadlineDays = 15 }), Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("'48-COMMITTEE': ngoài phạm vi giao việc của đơn vị ban hành (tỉnh, thành phố của đơn vị).",
                Assert.Single(problem.GetProperty("errors").GetProperty("inputs.addressedUnits").EnumerateArray()).GetString());
        }

        using var danang = await app.CreateClientForAsync("48-COMMITTEE");
        var danangId = await DirectivesApiTests.UnitIdAsync(danang, "48-COMMITTEE");
        using (var refused = await danang.PostAsJsonAsync("/api/directives", Body(danangId, "committee-directive",
            new { deadlineDays = 5, leadUnit = "01-COMMITTEE" }), Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var codes = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("codes");
            Assert.Equal("input-unit-outside", codes.GetProperty("inputs.leadUnit")[0].GetString());
        }

        Assert.Equal(0, await app.QueryAsync(db => db.Directives.CountAsync(d => d.Number == "Chỉ thị số 21/CT-UBND", Ct)));

        // Left to its default, Đà Nẵng's lead unit is its own UBND, not Hà Nội's; the form pre-fills the same.
        using var issued = await danang.PostAsJsonAsync("/api/directives", Body(danangId, "committee-directive", new { deadlineDays = 5 }), Ct);
        Assert.True(issued.StatusCode == HttpStatusCode.Created, await issued.Content.ReadAsStringAsync(Ct));
        var detail = await danang.GetFromJsonAsync<JsonElement>($"/api/directives/{(await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid()}", Ct);
        Assert.Equal("48-COMMITTEE", detail.GetProperty("inputs").GetProperty("leadUnit").GetString());
        // As committee-directive.json declares it.
        List<WorkflowInput> flowInputs = [new() { Name = "leadUnit", Type = "unit", Default = JsonValue.Create("01-COMMITTEE") }];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            Assert.Equal("48-COMMITTEE", (await mediator.Send(new GetIssuerUnitDefaultsQuery(flowInputs, danangId), Ct))["leadUnit"]?.GetValue<string>());
            Assert.Empty(await mediator.Send(new GetIssuerUnitDefaultsQuery(flowInputs, await DirectivesApiTests.UnitIdAsync(front, "01-COMMITTEE")), Ct));
        }

        // Hà Nội's UBND still names its own lead unit.
        using var hanoi = await app.CreateClientForAsync("01-COMMITTEE");
        using var own = await hanoi.PostAsJsonAsync("/api/directives", Body(await DirectivesApiTests.UnitIdAsync(hanoi, "01-COMMITTEE"), "committee-directive",
            new { deadlineDays = 5, leadUnit = "01-COMMITTEE" }), Ct);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
    }

    private static object Body(Guid issuer, string flow, object inputs) => new
    {
        number = "Chỉ thị số 21/CT-UBND", title = "Trật tự đô thị", issuingUnitId = issuer, workflowDefinitionId = flow, inputs,
    };
}
