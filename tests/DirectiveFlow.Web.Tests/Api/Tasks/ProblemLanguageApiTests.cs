using System.Net;
using System.Net.Http.Headers;
using DirectiveFlow.Core.Tasks;

namespace DirectiveFlow.Web.Tests.Api.Tasks;

/// <summary>Issue 15 §4: an API refusal speaks the caller's Accept-Language (Vietnamese unless English is preferred) and carries its code.</summary>
public sealed class ProblemLanguageApiTests(TaskWorldFixture fixture) : IClassFixture<TaskWorldFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, "Tỷ lệ phải từ 0 đến 100.")]
    [InlineData("vi-VN,vi;q=0.9", "Tỷ lệ phải từ 0 đến 100.")]
    [InlineData("en-US,en;q=0.9,vi;q=0.5", "Percent must be between 0 and 100.")]
    [InlineData("fr-FR, en;q=0.8", "Percent must be between 0 and 100.")]
    [InlineData("%%%;q=abc", "Tỷ lệ phải từ 0 đến 100.")]
    public async Task A_refusal_is_worded_in_the_language_the_caller_accepts_and_names_its_codes(string? acceptLanguage, string says)
    {
        var world = fixture.World;
        var task = await world.AddTaskAsync(status: UnitTaskStatus.InProgress);
        var client = await world.ClientAsync("00070-COMMITTEE");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{task.Id}/progress")
        {
            Content = new StringContent("""{"note":"ok","percent":101}""", System.Text.Encoding.UTF8, "application/json"),
        };
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var problem = await HttpAssert.ProblemAsync(await client.SendAsync(request, Ct), HttpStatusCode.BadRequest);

        Assert.Equal(says, problem.GetProperty("errors").GetProperty("percent")[0].GetString());
        Assert.Equal("invalid-input", problem.GetProperty("code").GetString());
        Assert.Equal("percent-range", problem.GetProperty("codes").GetProperty("percent")[0].GetString());
    }

    [Fact]
    public async Task A_task_that_does_not_exist_answers_404_with_its_code_in_English_when_asked()
    {
        var client = await fixture.World.ClientAsync("00070-COMMITTEE");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tasks/{Guid.NewGuid()}");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));

        var problem = await HttpAssert.ProblemAsync(await client.SendAsync(request, Ct), HttpStatusCode.NotFound);

        Assert.Equal("task-not-found", problem.GetProperty("code").GetString());
        Assert.Equal("Task not found.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(null, "JSON không hợp lệ (dòng 1")]
    [InlineData("en", "Malformed JSON at line 1")]
    public async Task A_body_that_cannot_be_read_is_worded_in_the_callers_language_with_its_code(string? acceptLanguage, string says)
    {
        var task = await fixture.World.AddTaskAsync(status: UnitTaskStatus.InProgress);
        var client = await fixture.World.ClientAsync("00070-COMMITTEE");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{task.Id}/progress")
        {
            Content = new StringContent("""{"note":""", System.Text.Encoding.UTF8, "application/json"),
        };
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var problem = await HttpAssert.ProblemAsync(await client.SendAsync(request, Ct), HttpStatusCode.BadRequest);

        var field = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Contains(says, field.Value[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("request-unreadable", problem.GetProperty("code").GetString());
        Assert.Equal("malformed-json-at", problem.GetProperty("codes").GetProperty(field.Name)[0].GetString());
    }

    [Theory]
    [InlineData(null, "Giá trị 'Bogus' không hợp lệ; dùng một trong: ")]
    [InlineData("en", "'Bogus' is not allowed; use one of: ")]
    public async Task A_list_filter_that_is_not_allowed_names_the_value_and_the_allowed_ones_in_the_callers_language(string? acceptLanguage, string says)
    {
        var client = await fixture.World.ClientAsync("00070-COMMITTEE");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tasks?status=Bogus");
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var problem = await HttpAssert.ProblemAsync(await client.SendAsync(request, Ct), HttpStatusCode.BadRequest);

        var message = problem.GetProperty("errors").GetProperty("status")[0].GetString()!;
        Assert.StartsWith(says, message, StringComparison.Ordinal);
        Assert.Contains("InProgress", message, StringComparison.Ordinal);
        Assert.Equal("not-allowed", problem.GetProperty("codes").GetProperty("status")[0].GetString());
    }
}
