using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.TestSupport;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Workflows;

public sealed class WorkflowsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Shipped_flows_are_published_at_start_and_readable_by_any_signed_in_user(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider);
        using var observer = await app.CreateClientForAsync("observer");

        var list = await observer.GetFromJsonAsync<JsonElement>("/api/workflows?pageSize=10", Ct);
        var party = await observer.GetFromJsonAsync<JsonElement>("/api/workflows/party-conclusion", Ct);
        using var export = await observer.GetAsync("/api/workflows/party-conclusion/export", Ct);

        // Every file of workflows/ (six since the national flow of issue 16 and the itemized conclusion of issue 17).
        Assert.Equal(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.json").Length, list.GetProperty("total").GetInt32());
        Assert.Equal(6, list.GetProperty("total").GetInt32());
        Assert.All(list.GetProperty("items").EnumerateArray(), item =>
        {
            Assert.Equal(1, item.GetProperty("publishedVersion").GetInt32());
            Assert.False(item.GetProperty("hasDraft").GetBoolean());
        });
        Assert.Equal("Triển khai kết luận của Thành ủy", party.GetProperty("name").GetString());
        Assert.Equal("application/json", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "party-conclusion.json")),
            Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync(Ct)));
    }

    [Fact]
    public async Task Only_administrators_write_anonymous_callers_are_refused_and_OpenApi_lists_the_endpoints()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var observer = await app.CreateClientForAsync("observer");
        using var anonymous = app.CreateClient();

        using var write = await observer.PostAsync("/api/workflows", Json(Sample("x-flow")), Ct);
        using var validate = await observer.PostAsync("/api/workflows/validate", Json(Sample("x-flow")), Ct);
        using var read = await anonymous.GetAsync("/api/workflows", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, validate.StatusCode);
        // The description is for signed-in callers: an anonymous one is sent to sign in.
        using var signedOut = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var hiddenDocument = await signedOut.GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.Redirect, hiddenDocument.StatusCode);
        Assert.Contains("login", hiddenDocument.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var document = await observer.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/workflows/{definitionId}/publish", paths);
        Assert.Contains("/api/workflows/{definitionId}/draft", paths);
        Assert.Contains("/api/workflows/validate", paths);
        Assert.Contains("/api/workflows/{definitionId}/export", paths);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
    }

    [Fact]
    public async Task Invalid_definition_is_refused_with_every_error_and_nothing_is_saved()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var admin = await app.CreateClientForAsync("admin");
        var definition = JsonNode.Parse(Sample("broken-flow"))!;
        definition["activities"]![1]!["properties"]!.AsObject().Remove("deadline");
        definition["activities"]!.AsArray().Add(new JsonObject { ["id"] = "orphan", ["type"] = "End" });

        using var invalid = await admin.PostAsync("/api/workflows", Json(definition.ToJsonString()), Ct);
        using var badJson = await admin.PostAsync("/api/workflows", Json("{\"id\": "), Ct);
        using var missing = await admin.GetAsync("/api/workflows/broken-flow", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var codes = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Equal(["missing-deadline", "unreachable"], codes.Order(StringComparer.Ordinal));
        Assert.Equal("invalid-json", (await badJson.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Draft_publish_and_versions_follow_the_lifecycle(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider);
        using var admin = await app.CreateClientForAsync("admin");

        using var created = await admin.PostAsync("/api/workflows", Json(Sample("new-flow")), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/workflows/new-flow", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/workflows/new-flow/publish", Note("Bản đầu tiên"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync("/api/workflows/new-flow/publish", Note("Lần nữa"), Ct)).StatusCode);

        var renamed = JsonNode.Parse(Sample("new-flow"))!;
        renamed["name"] = "Phiên bản hai";
        using var loaded = await admin.GetAsync("/api/workflows/new-flow", Ct);
        using var save = new HttpRequestMessage(HttpMethod.Put, "/api/workflows/new-flow") { Content = Json(renamed.ToJsonString()) };
        save.Headers.IfMatch.Add(loaded.Headers.ETag!);
        using var saved = await admin.SendAsync(save, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var v2 = await saved.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((2, false), (v2.GetProperty("version").GetInt32(), v2.GetProperty("isPublished").GetBoolean()));

        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/workflows/new-flow") { Content = Json(renamed.ToJsonString()) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"999\"");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.SendAsync(stale, Ct)).StatusCode);

        var v1 = await admin.GetFromJsonAsync<JsonElement>("/api/workflows/new-flow?version=1", Ct);
        var summary = (await admin.GetFromJsonAsync<JsonElement>("/api/workflows?pageSize=50", Ct)).GetProperty("items")
            .EnumerateArray().Single(i => i.GetProperty("definitionId").GetString() == "new-flow");
        Assert.Equal((true, "Quy trình thử"), (v1.GetProperty("isPublished").GetBoolean(), v1.GetProperty("name").GetString()));
        Assert.Equal((2, 1, true), (summary.GetProperty("latestVersion").GetInt32(), summary.GetProperty("publishedVersion").GetInt32(), summary.GetProperty("hasDraft").GetBoolean()));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/workflows/new-flow/draft", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync("/api/workflows/new-flow/draft", Ct)).StatusCode);
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>("/api/workflows/new-flow", Ct)).GetProperty("version").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publishing_needs_a_change_note_and_the_versions_list_shows_it_with_the_publisher(string provider)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync(provider);
        using var admin = await app.CreateClientForAsync("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/workflows", Json(Sample("noted-flow")), Ct)).StatusCode);

        using var none = await admin.PostAsync("/api/workflows/noted-flow/publish", null, Ct);
        using var blank = await admin.PostAsync("/api/workflows/noted-flow/publish", Note("   "), Ct);
        using var tooLong = await admin.PostAsync("/api/workflows/noted-flow/publish", Note(new string('x', 1001)), Ct);
        var stillDraft = await admin.GetFromJsonAsync<JsonElement>("/api/workflows/noted-flow", Ct);

        foreach (var (refused, code) in new[] { (none, "workflow-change-note-required"), (blank, "workflow-change-note-required"), (tooLong, "workflow-change-note-too-long") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(code, problem.GetProperty("codes").GetProperty("changeNote")[0].GetString());
            Assert.Contains("ghi chú thay đổi", problem.GetProperty("errors").GetProperty("changeNote")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        }

        Assert.False(stillDraft.GetProperty("isPublished").GetBoolean());

        using var published = await admin.PostAsync("/api/workflows/noted-flow/publish", Note("  Thêm bước báo cáo  "), Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var versions = await admin.GetFromJsonAsync<JsonElement>("/api/workflows/noted-flow/versions", Ct);
        var v1 = Assert.Single(versions.EnumerateArray());
        Assert.Equal((1, true, "Thêm bước báo cáo", "admin"), (v1.GetProperty("version").GetInt32(), v1.GetProperty("isPublished").GetBoolean(),
            v1.GetProperty("changeNote").GetString(), v1.GetProperty("publishedBy").GetString()));
        Assert.NotEqual(JsonValueKind.Null, v1.GetProperty("publishedAt").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/workflows/missing-flow/versions", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_save_based_on_a_version_that_is_no_longer_the_latest_is_refused_with_409()
    {
        // The shipped flow is version 1 at stamp 0; the first save opens draft version 2, also at stamp 0, which the
        // stamp alone let a second save based on version 1 overwrite.
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var admin = await app.CreateClientForAsync("admin");
        using var loaded = await admin.GetAsync("/api/workflows/council-supervision", Ct);
        Assert.Equal("\"1.0\"", loaded.Headers.ETag!.Tag);
        var definition = (await loaded.Content.ReadFromJsonAsync<JsonObject>(Ct))!["definition"]!.DeepClone();

        async Task<HttpResponseMessage> SaveAsync(string name, string ifMatch)
        {
            definition["name"] = name;
            using var save = new HttpRequestMessage(HttpMethod.Put, "/api/workflows/council-supervision") { Content = Json(definition.ToJsonString()) };
            save.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return await admin.SendAsync(save, Ct);
        }

        using var theirs = await SaveAsync("Bản của người khác", loaded.Headers.ETag.Tag);
        using var mine = await SaveAsync("Bản của tôi", loaded.Headers.ETag.Tag);
        using var publish = new HttpRequestMessage(HttpMethod.Post, "/api/workflows/council-supervision/publish") { Content = Note("Của tôi") };
        publish.Headers.TryAddWithoutValidation("If-Match", loaded.Headers.ETag.Tag);
        using var published = await admin.SendAsync(publish, Ct);

        Assert.Equal((HttpStatusCode.OK, "\"2.0\""), (theirs.StatusCode, theirs.Headers.ETag!.Tag));
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (mine.StatusCode, published.StatusCode));
        Assert.Equal("workflow-stale", (await mine.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("code").GetString());
        var latest = await admin.GetFromJsonAsync<JsonElement>("/api/workflows/council-supervision", Ct);
        Assert.Equal((2, false, "Bản của người khác"), (latest.GetProperty("version").GetInt32(), latest.GetProperty("isPublished").GetBoolean(), latest.GetProperty("name").GetString()));
        // An older client's bare stamp still saves when it is the latest version's.
        using var legacy = await SaveAsync("Bản của tôi", "\"0\"");
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
    }

    [Fact]
    public async Task Validate_reports_errors_without_saving()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var admin = await app.CreateClientForAsync("admin");
        var looping = JsonNode.Parse(Sample("loop-flow"))!;
        looping["activities"]!.AsArray().Insert(1, new JsonObject
        {
            ["id"] = "decide", ["type"] = "Decision", ["properties"] = new JsonObject { ["condition"] = "while (true) {}" },
        });
        looping["connections"]![0]!["target"] = "decide";
        looping["connections"]!.AsArray().Add(new JsonObject { ["source"] = "decide", ["outcome"] = "True", ["target"] = "respond" });

        using var response = await admin.PostAsync("/api/workflows/validate", Json(looping.ToJsonString()), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.GetProperty("valid").GetBoolean());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(("condition-runaway", "decide"), (error.GetProperty("code").GetString(), error.GetProperty("activityId").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/workflows/loop-flow", Ct)).StatusCode);
    }

    private static string Sample(string id)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "council-supervision.json")))!;
        node["id"] = id;
        node["name"] = "Quy trình thử";
        return node.ToJsonString();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static StringContent Note(string changeNote) => Json(new JsonObject { ["changeNote"] = changeNote }.ToJsonString());
}
