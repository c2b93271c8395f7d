using System.Net;
using System.Text.Json;

namespace DirectiveFlow.Web.Tests.Api.Problems;

/// <summary>Asserts a ProblemDetails answer that names a field, and shows the whole answer when it is not one.</summary>
public static class ProblemAssert
{
    /// <summary>The status, <c>application/problem+json</c>, and an error under <paramref name="field"/> containing <paramref name="says"/>.</summary>
    public static async Task<JsonElement> NamesAsync(HttpResponseMessage response, HttpStatusCode status, string field, string says)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                $"expected ProblemDetails, got {response.Content.Headers.ContentType}: {body}");
            var problem = JsonDocument.Parse(body).RootElement.Clone();
            var messages = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var named) ? named : default;
            Assert.True(messages.ValueKind == JsonValueKind.Array, $"expected an error on '{field}': {body}");
            Assert.True(messages.EnumerateArray().Any(m => m.GetString()!.Contains(says, StringComparison.OrdinalIgnoreCase)),
                $"expected '{field}' to say '{says}': {body}");
            return problem;
        }
    }
}
