using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DirectiveFlow.Web.Tests.Infrastructure;

namespace DirectiveFlow.Web.Tests.Api.Workflows;

/// <summary>Issue 15 §4: an activity property the reader refuses answers 400 with its codes, worded in the caller's language.</summary>
public sealed class ActivityPropertyProblemTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, "UnitTask 'respond': deadline.workingDays phải từ 0 đến 2600.", "Định nghĩa quy trình không hợp lệ, chưa lưu gì (1 lỗi).")]
    [InlineData("en", "UnitTask 'respond': deadline.workingDays must be from 0 to 2600.", "The workflow definition is invalid; nothing was saved (1 errors).")]
    public async Task A_bad_activity_property_answers_400_with_its_codes_and_path_in_the_callers_language(string? acceptLanguage, string says, string summary)
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var admin = await app.CreateClientForAsync("admin");
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "council-supervision.json")))!;
        definition["id"] = "bad-property";
        definition["activities"]![1]!["properties"]!["deadline"] = new JsonObject { ["workingDays"] = 5000 };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflows")
        {
            Content = new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await admin.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("workflow-invalid", problem.GetProperty("code").GetString());
        Assert.StartsWith(summary, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("invalid-properties", error.GetProperty("code").GetString());
        Assert.Equal("workflow-properties", error.GetProperty("messageCode").GetString());
        Assert.Equal("respond", error.GetProperty("activityId").GetString());
        Assert.Equal("/activities/1/properties/deadline/workingDays", error.GetProperty("path").GetString());
        Assert.Equal(says, error.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/workflows/bad-property", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_activity_types_keep_their_names_and_labels_in_both_languages()
    {
        await using var app = await DirectiveFlowWebFactory.CreateAsync();
        using var observer = await app.CreateClientForAsync("observer");

        var types = await observer.GetFromJsonAsync<JsonElement>("/api/activity-types", Ct);

        var task = types.EnumerateArray().Single(t => t.GetProperty("type").GetString() == "UnitTask");
        Assert.Equal("Nhiệm vụ đơn vị", task.GetProperty("displayNameVi").GetString());
        Assert.Equal("Unit task", task.GetProperty("displayNameEn").GetString());
        Assert.Equal("Work owed by one lead unit, with supporting units and a deadline.", task.GetProperty("descriptionEn").GetString());
        var title = task.GetProperty("fields")[0];
        Assert.Equal(["name", "labelVi", "labelEn", "kind", "required", "options"], title.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Tên nhiệm vụ", title.GetProperty("labelVi").GetString());
        Assert.Equal("Title", title.GetProperty("labelEn").GetString());
        Assert.Equal(
            ["type", "displayNameVi", "displayNameEn", "descriptionVi", "descriptionEn", "fixedOutcomes", "hasConfigurableOutcomes", "fields", "isBlocking"],
            task.EnumerateObject().Select(p => p.Name));
    }
}
