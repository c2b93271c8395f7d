using System.Net;
using DirectiveFlow.Core.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Tasks;

public sealed class TaskValidationApiTests(TaskWorldFixture fixture) : IClassFixture<TaskWorldFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, UnitTaskStatus, string, string> BadInputs() => new()
    {
        // endpoint suffix, task state, JSON body, the field named in errors
        { "progress", UnitTaskStatus.InProgress, """{"note":"","percent":10}""", "note" },
        { "progress", UnitTaskStatus.InProgress, """{"note":"ok","percent":101}""", "percent" },
        { "progress", UnitTaskStatus.InProgress, """{"note":"ok","percent":-1}""", "percent" },
        { "progress", UnitTaskStatus.InProgress, """{"note":"ok"}""", "percent" },
        { "complete", UnitTaskStatus.InProgress, """{"result":"   "}""", "result" },
        { "extension-requests", UnitTaskStatus.InProgress, """{"additionalWorkingDays":2}""", "reason" },
        { "extension-requests", UnitTaskStatus.InProgress, """{"reason":"x"}""", "additionalWorkingDays" },
        { "extension-requests", UnitTaskStatus.InProgress, """{"reason":"x","additionalWorkingDays":2,"newDueDate":"2030-01-02"}""", "additionalWorkingDays" },
        { "extension-requests", UnitTaskStatus.InProgress, """{"reason":"x","additionalWorkingDays":0}""", "additionalWorkingDays" },
        { "extension-requests", UnitTaskStatus.InProgress, """{"reason":"x","newDueDate":"ngày mai"}""", "newDueDate" },
        { "extension-requests", UnitTaskStatus.InProgress, """{"reason":"x","newDueDate":"2020-01-02"}""", "newDueDate" },
        { "review", UnitTaskStatus.Reported, """{"decision":"return"}""", "comment" },
        { "review", UnitTaskStatus.Reported, """{"decision":"maybe"}""", "decision" },
        { "cancel", UnitTaskStatus.InProgress, """{}""", "reason" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gets_400_naming_the_field_and_writes_nothing(string action, UnitTaskStatus state, string json, string field)
    {
        var world = fixture.World;
        var task = await world.AddTaskAsync(status: state, requiresReview: true);
        var user = action switch { "review" => "01-COMMITTEE", "cancel" => "admin", _ => "00070-COMMITTEE" };
        var client = await world.ClientAsync(user);

        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var problem = await HttpAssert.ProblemAsync(await client.PostAsync($"/api/tasks/{task.Id}/{action}", content, Ct), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
        var after = await world.WithDbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id, Ct));
        Assert.Equal(task.ConcurrencyStamp, after.ConcurrencyStamp);
        Assert.Equal(0, await world.WithDbAsync(db => db.Journal.CountAsync(j => j.TaskId == task.Id, Ct)));
    }

    [Fact]
    public async Task Progress_below_the_last_report_is_refused()
    {
        var world = fixture.World;
        var task = await world.AddTaskAsync(status: UnitTaskStatus.InProgress);
        var client = await world.ClientAsync("00070-COMMITTEE");
        await HttpAssert.OkTaskAsync(await client.PostJsonAsync($"/api/tasks/{task.Id}/progress", new { note = "Nửa chặng", percent = 50 }));

        var problem = await HttpAssert.ProblemAsync(
            await client.PostJsonAsync($"/api/tasks/{task.Id}/progress", new { note = "Lùi lại", percent = 30 }), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("percent", out _));
        Assert.Equal(50, (await world.GetTaskAsync("00070-COMMITTEE", task.Id)).ProgressPercent);
    }

    [Fact]
    public async Task Unknown_list_filters_get_400_naming_the_filter()
    {
        var client = await fixture.World.ClientAsync("00070-COMMITTEE");

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync("/api/tasks?status=Done&category=Soon&scope=all", Ct), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.True(errors.TryGetProperty("category", out _));
        Assert.True(errors.TryGetProperty("scope", out _));
    }

    [Fact]
    public async Task An_unknown_task_is_404()
    {
        var client = await fixture.World.ClientAsync("admin");

        await HttpAssert.ProblemAsync(await client.GetAsync($"/api/tasks/{Guid.NewGuid()}", Ct), HttpStatusCode.NotFound);
    }
}
