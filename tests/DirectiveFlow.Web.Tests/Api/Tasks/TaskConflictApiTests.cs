using System.Net;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Api.Tasks;

public sealed class TaskConflictApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_officers_completing_the_same_task_at_once_one_succeeds_and_the_other_gets_409(string provider)
    {
        await using var world = await TaskApiWorld.CreateAsync(provider);
        var officer = await world.ClientAsync("00070-COMMITTEE");
        var head = await world.ClientAsync("00070-COMMITTEE.head");
        const int Rounds = 5;
        for (var round = 0; round < Rounds; round++)
        {
            var task = await world.AddTaskAsync(status: UnitTaskStatus.InProgress);
            using var start = new SemaphoreSlim(0);
            var racers = new[] { officer, head }.Select(client => Task.Run(async () =>
            {
                await start.WaitAsync(Ct);
                return await client.PostJsonAsync($"/api/tasks/{task.Id}/complete", new { result = "Hoàn thành " + client.GetHashCode() });
            })).ToArray();
            start.Release(2);
            var responses = await Task.WhenAll(racers);

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var loser = await HttpAssert.ProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
            Assert.False(string.IsNullOrEmpty(loser.GetProperty("detail").GetString()));
            responses.Single(r => r.StatusCode == HttpStatusCode.OK).Dispose();
            var journal = await world.WithDbAsync(db => db.Journal.CountAsync(j => j.TaskId == task.Id && j.Action == "task.completed", Ct));
            Assert.Equal(1, journal);
        }

        Assert.Equal(Rounds, world.Engine.Finished.Count);
    }

    [Fact]
    public async Task Acknowledging_a_task_twice_gets_409_naming_the_allowed_actions_and_states()
    {
        await using var world = await TaskApiWorld.CreateAsync();
        var task = await world.AddTaskAsync();
        var officer = await world.ClientAsync("00070-COMMITTEE");
        await HttpAssert.OkTaskAsync(await officer.PostJsonAsync($"/api/tasks/{task.Id}/acknowledge"));

        var problem = await HttpAssert.ProblemAsync(await officer.PostJsonAsync($"/api/tasks/{task.Id}/acknowledge"), HttpStatusCode.Conflict);

        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal("Acknowledged", problem.GetProperty("taskStatus").GetString());
        Assert.Equal("acknowledge", problem.GetProperty("attempted").GetString());
        Assert.Contains("progress", problem.GetProperty("allowedActions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Assigned"], problem.GetProperty("allowedStates").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Reporting_progress_before_acknowledging_or_reviewing_an_unreported_task_gets_409()
    {
        await using var world = await TaskApiWorld.CreateAsync();
        var task = await world.AddTaskAsync(requiresReview: true);
        var officer = await world.ClientAsync("00070-COMMITTEE");
        var issuer = await world.ClientAsync("01-COMMITTEE");

        var progress = await HttpAssert.ProblemAsync(
            await officer.PostJsonAsync($"/api/tasks/{task.Id}/progress", new { note = "x", percent = 5 }), HttpStatusCode.Conflict);
        var review = await HttpAssert.ProblemAsync(
            await issuer.PostJsonAsync($"/api/tasks/{task.Id}/review", new { decision = "accept" }), HttpStatusCode.Conflict);

        Assert.Contains("acknowledge", progress.GetProperty("allowedActions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Reported"], review.GetProperty("allowedStates").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_second_open_extension_request_and_one_after_the_deadline_get_409()
    {
        await using var world = await TaskApiWorld.CreateAsync();
        var officer = await world.ClientAsync("00070-COMMITTEE");
        var task = await world.AddTaskAsync(status: UnitTaskStatus.InProgress);
        await HttpAssert.OkTaskAsync(await officer.PostJsonAsync($"/api/tasks/{task.Id}/extension-requests", new { additionalWorkingDays = 2, reason = "Lần 1" }));

        await HttpAssert.ProblemAsync(
            await officer.PostJsonAsync($"/api/tasks/{task.Id}/extension-requests", new { additionalWorkingDays = 4, reason = "Lần 2" }), HttpStatusCode.Conflict);

        var overdue = await world.AddTaskAsync(status: UnitTaskStatus.InProgress, dueAt: TimeProvider.System.GetUtcNow().AddHours(-1));
        await HttpAssert.ProblemAsync(
            await officer.PostJsonAsync($"/api/tasks/{overdue.Id}/extension-requests", new { additionalWorkingDays = 2, reason = "Muộn" }), HttpStatusCode.Conflict);
        Assert.DoesNotContain("requestExtension", (await world.GetTaskAsync("00070-COMMITTEE", overdue.Id)).AllowedActions);
    }
}
