using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DirectiveFlow.Core.Common;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Api.Problems;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Directives;

/// <summary>
/// Issue 14 §4: a directive that should not be stored is refused with a 400 naming the field, and nothing of it is
/// written — on SQLite and on PostgreSQL (which refuses NUL in text itself, so there it used to be a 500).
/// </summary>
public sealed class DirectiveRefusalTests(ProviderAppsFixture apps) : IClassFixture<ProviderAppsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_nul_byte_in_a_title_is_refused_naming_the_title(string provider)
    {
        await RefusedAsync(provider, """{"title":"Kế hoạch\u0000 số 1"}""", "title", "NUL");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_title_of_only_zero_width_characters_is_refused(string provider)
    {
        await RefusedAsync(provider, """{"title":"\u200B\u200C\u200D\uFEFF"}""", "title", "invisible");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Duplicate_json_keys_are_refused_naming_the_key(string provider)
    {
        await RefusedAsync(provider, """{"title":"Kế hoạch A","title":"Kế hoạch B"}""", "title", "appears more than once");
        await RefusedAsync(provider, """{"inputs":{"deadlineDays":5,"deadlineDays":500}}""", "inputs.deadlineDays", "appears more than once");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_lead_unit_that_does_not_exist_is_refused_naming_the_input(string provider)
    {
        await RefusedAsync(provider, """{"inputs":{"leadUnit":"99-NOWHERE"}}""", "inputs.leadUnit", "'99-NOWHERE'");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Inputs_the_flow_does_not_declare_are_refused_naming_them(string provider)
    {
        await RefusedAsync(provider, """{"inputs":{"deadlineDays":5,"budget":1000000}}""", "inputs.budget", "declares no input 'budget'");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_five_megabyte_body_is_refused_naming_the_body(string provider)
    {
        var body = JsonSerializer.Serialize(new string('x', 5 * 1024 * 1024));

        await RefusedAsync(provider, "{\"body\":" + body + "}", "body", $"At most {InputLimits.DirectiveBodyLength} characters");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_directive_at_every_limit_is_issued_and_stored_whole(string provider)
    {
        var app = await apps.OnAsync(provider);
        using var issuer = await app.CreateClientForAsync("01-COMMITTEE");
        var title = new string('T', InputLimits.TitleLength - 2) + "ệ\u200B";

        using var issued = await issuer.PostAsJsonAsync("/api/directives", new
        {
            number = new string('9', InputLimits.NumberLength), title, body = new string('b', InputLimits.DirectiveBodyLength),
            issuingUnitId = await app.UnitIdAsync("01-COMMITTEE"), workflowDefinitionId = "committee-directive",
            inputs = new { deadlineDays = InputLimits.MaxWorkingDays, leadUnit = "01-COMMITTEE" },
        }, Ct);

        Assert.True(issued.StatusCode == HttpStatusCode.Created, await issued.Content.ReadAsStringAsync(Ct));
        var id = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var stored = await app.QueryAsync(db => db.Directives.SingleAsync(d => d.Id == id, Ct));
        Assert.Equal((title, InputLimits.DirectiveBodyLength), (stored.Title, stored.Body.Length));
    }

    /// <summary>Posts a valid directive with <paramref name="change"/>'s fields put over it; expects a 400 on <paramref name="field"/> and no new directive.</summary>
    private async Task RefusedAsync(string provider, string change, string field, string says)
    {
        var app = await apps.OnAsync(provider);
        using var issuer = await app.CreateClientForAsync("01-COMMITTEE");
        issuer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en"); // the refusals below are asserted in English
        var before = await CountAsync(app);
        var valid = new Dictionary<string, string>
        {
            ["number"] = "\"01/KH-UBND\"", ["title"] = "\"Kế hoạch\"", ["issuingUnitId"] = $"\"{await app.UnitIdAsync("01-COMMITTEE")}\"",
            ["workflowDefinitionId"] = "\"committee-directive\"",
        };
        var kept = valid.Where(f => !change.Contains($"\"{f.Key}\":", StringComparison.Ordinal)).Select(f => $"\"{f.Key}\":{f.Value},");
        var json = "{" + string.Concat(kept) + change.TrimStart('{');

        using var response = await issuer.PostAsync("/api/directives", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        await ProblemAssert.NamesAsync(response, HttpStatusCode.BadRequest, field, says);
        Assert.Equal(before, await CountAsync(app));
    }

    private static Task<(int Directives, int Instances, int Tasks)> CountAsync(DirectiveFlowWebFactory app) =>
        app.QueryAsync(async db => (await db.Directives.CountAsync(Ct), await db.WorkflowInstances.CountAsync(Ct), await db.Tasks.CountAsync(Ct)));
}
