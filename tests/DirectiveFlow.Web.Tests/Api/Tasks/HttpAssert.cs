using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DirectiveFlow.Infrastructure.Tasks.Queries;

namespace DirectiveFlow.Web.Tests.Api.Tasks;

/// <summary>Status assertions that show the response body when they fail, and JSON helpers.</summary>
public static class HttpAssert
{
    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body = null)
    {
        var content = JsonContent.Create(body ?? new { }, options: TaskApiWorld.Json);
        return await client.PostAsync(url, content, TestContext.Current.CancellationToken);
    }

    public static async Task<string> StatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body;
    }

    public static async Task<TaskDetailDto> OkTaskAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await StatusAsync(response, HttpStatusCode.OK);
            return JsonSerializer.Deserialize<TaskDetailDto>(body, TaskApiWorld.Json)!;
        }
    }

    /// <summary>Asserts a ProblemDetails answer with <paramref name="expected"/> and returns its JSON.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var body = await StatusAsync(response, expected);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
