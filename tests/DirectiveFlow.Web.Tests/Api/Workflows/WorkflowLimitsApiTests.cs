using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Workflows;

/// <summary>
/// Issue 14 §4: a 10 MB definition, duplicate keys, and a Decision whose condition can never run are refused when the
/// definition is validated or saved — not when the first directive reaches the condition.
/// </summary>
public sealed class WorkflowLimitsApiTests(ProviderAppsFixture apps) : IClassFixture<ProviderAppsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ten_megabyte_definition_is_refused_as_too_large_and_nothing_is_saved()
    {
        var app = await apps.OnAsync("Sqlite");
        using var admin = await app.CreateClientForAsync("admin");
        var definition = await FlowAsync(admin, "huge-flow");
        definition["description"] = new string('x', 10 * 1024 * 1024);

        using var validate = await admin.PostAsync("/api/workflows/validate", Json(definition), Ct);
        using var create = await admin.PostAsync("/api/workflows", Json(definition), Ct);

        Assert.Equal("definition-too-large", await SingleErrorCodeAsync(validate, HttpStatusCode.OK));
        Assert.Equal("definition-too-large", await SingleErrorCodeAsync(create, HttpStatusCode.BadRequest));
        Assert.False(await SavedAsync(app, "huge-flow"));
    }

    [Theory]
    [InlineData("System.IO.File.Exists('/etc/passwd')", "condition-sandbox")]
    [InlineData("'x'.repeat(1e9).length > 0", "condition-sandbox")]
    [InlineData("while (true) {}", "condition-runaway")]
    public async Task A_condition_that_can_never_run_is_invalid_when_validated_and_when_saved(string condition, string code)
    {
        var app = await apps.OnAsync("Sqlite");
        using var admin = await app.CreateClientForAsync("admin");
        var definition = await FlowAsync(admin, "never-runs");
        definition["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Decision")!["properties"]!["condition"] = condition;

        using var validate = await admin.PostAsync("/api/workflows/validate", Json(definition), Ct);
        using var create = await admin.PostAsync("/api/workflows", Json(definition), Ct);

        Assert.Equal(code, await SingleErrorCodeAsync(validate, HttpStatusCode.OK));
        Assert.Equal(code, await SingleErrorCodeAsync(create, HttpStatusCode.BadRequest));
        Assert.False(await SavedAsync(app, "never-runs"));
    }

    [Fact]
    public async Task Duplicate_keys_in_a_definition_are_invalid_json_not_a_500()
    {
        var app = await apps.OnAsync("Sqlite");
        using var admin = await app.CreateClientForAsync("admin");
        var text = (await FlowAsync(admin, "twice")).ToJsonString().Replace("\"id\":\"twice\"", "\"id\":\"twice\",\"id\":\"again\"", StringComparison.Ordinal);

        using var validate = await admin.PostAsync("/api/workflows/validate", new StringContent(text, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal("invalid-json", await SingleErrorCodeAsync(validate, HttpStatusCode.OK));
    }

    [Fact]
    public async Task A_flow_wide_ladder_out_of_order_is_refused_at_its_path_when_validated_saved_or_published()
    {
        var app = await apps.OnAsync("Sqlite");
        using var admin = await app.CreateClientForAsync("admin");
        var definition = await FlowAsync(admin, "ladder-backwards");
        definition["policies"] = BackwardsLadder();

        using var validate = await admin.PostAsync("/api/workflows/validate", Json(definition), Ct);
        using var create = await admin.PostAsync("/api/workflows", Json(definition), Ct);

        const string path = "/policies/escalation/steps/1/afterWorkingDays";
        Assert.Equal(("invalid-policies", path), await SingleErrorAsync(validate, HttpStatusCode.OK));
        Assert.Equal(("invalid-policies", path), await SingleErrorAsync(create, HttpStatusCode.BadRequest));
        Assert.False(await SavedAsync(app, "ladder-backwards"));

        // A draft stored before the rule existed is refused when it is published.
        definition.Remove("policies");
        definition["id"] = "ladder-stored";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/workflows", Json(definition), Ct)).StatusCode);
        definition["policies"] = BackwardsLadder();
        await app.QueryAsync(async db =>
        {
            var draft = await db.WorkflowDefinitions.SingleAsync(d => d.DefinitionId == "ladder-stored", Ct);
            draft.Json = definition.ToJsonString();
            return await db.SaveChangesAsync(Ct);
        });

        using var publish = await admin.PostAsync("/api/workflows/ladder-stored/publish", Json(new JsonObject { ["changeNote"] = "Thử" }), Ct);

        Assert.Equal(("invalid-policies", path), await SingleErrorAsync(publish, HttpStatusCode.BadRequest));
        Assert.False(await app.QueryAsync(db => db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == "ladder-stored" && d.IsPublished, Ct)));
    }

    private static JsonObject BackwardsLadder() => new()
    {
        ["escalation"] = new JsonObject
        {
            ["steps"] = new JsonArray(
                new JsonObject { ["afterWorkingDays"] = 5, ["to"] = "unitHead" },
                new JsonObject { ["afterWorkingDays"] = 1, ["to"] = "parentHead" }),
        },
    };

    private static async Task<(string Code, string Path)> SingleErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.True(errors.Count == 1, body);
        return (errors[0].GetProperty("code").GetString()!, errors[0].GetProperty("path").GetString()!);
    }

    [Theory]
    [InlineData("activities")]
    [InlineData("connections")]
    [InlineData("inputs")]
    public async Task A_null_inside_a_definition_list_is_a_field_error_not_a_500_and_nothing_is_saved(string list)
    {
        var app = await apps.OnAsync("Sqlite");
        using var admin = await app.CreateClientForAsync("admin");
        var definition = await FlowAsync(admin, "nulls-" + list);
        definition[list]!.AsArray().Insert(0, null);
        var existing = await FlowAsync(admin, "committee-directive");
        existing[list]!.AsArray().Insert(0, null);

        using var validate = await admin.PostAsync("/api/workflows/validate", Json(definition), Ct);
        using var create = await admin.PostAsync("/api/workflows", Json(definition), Ct);
        using var save = await admin.PutAsync("/api/workflows/committee-directive", Json(existing), Ct);

        foreach (var (response, status) in new[] { (validate, HttpStatusCode.OK), (create, HttpStatusCode.BadRequest), (save, HttpStatusCode.BadRequest) })
        {
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
            Assert.Contains(JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("path").GetString() == $"/{list}/0");
        }

        Assert.False(await SavedAsync(app, "nulls-" + list));
        Assert.Equal(1, await app.QueryAsync(db => db.WorkflowDefinitions.CountAsync(d => d.DefinitionId == "committee-directive", Ct)));
    }

    /// <summary>The shipped committee flow (it has a Decision) under another id.</summary>
    private static async Task<JsonObject> FlowAsync(HttpClient admin, string id)
    {
        var shipped = await admin.GetFromJsonAsync<JsonObject>("/api/workflows/committee-directive", Ct);
        var definition = shipped!["definition"]!.DeepClone().AsObject();
        definition["id"] = id;
        return definition;
    }

    private static async Task<string> SingleErrorCodeAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.True(errors.Count == 1, body);
        return errors[0].GetProperty("code").GetString()!;
    }

    private static Task<bool> SavedAsync(DirectiveFlowWebFactory app, string id) =>
        app.QueryAsync(db => db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == id, Ct));

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");
}
