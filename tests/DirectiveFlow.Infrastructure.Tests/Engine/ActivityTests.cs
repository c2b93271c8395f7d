using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Directives.Commands;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Engine;

public sealed class ActivityTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Urgent_directive_notifies_once_waits_for_the_delay_then_assigns_the_task(string provider)
    {
        await using var host = await SeededAsync(provider);
        await host.PublishAsync(TestFlows.DecisionNotifyDelay());
        var issued = await host.IssueAsync("urgent-route", "01-COMMITTEE", priority: DirectivePriority.Urgent);

        await using (var db = host.Context())
        {
            var email = await db.Outbox.SingleAsync(EngineHost.Cancel);
            Assert.Equal("Khẩn: Kết luận số 15-KL/TU", email.Subject);
            Assert.Equal("head.01.committee@hanoi.gov.vn", email.To);
            Assert.Empty(await FlowDriver.OpenTasksAsync(host, issued.InstanceId));
            var delay = await db.ActivityExecutions.SingleAsync(e => e.ActivityType == "Delay", EngineHost.Cancel);
            Assert.Equal(ActivityExecutionStatus.Waiting, delay.Status);
        }

        Assert.Equal(0, await host.SendAsync(new ResumeDelaysCommand(host.Clock.GetUtcNow())));
        host.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await host.SendAsync(new ResumeDelaysCommand(host.Clock.GetUtcNow())));
        Assert.Equal(0, await host.SendAsync(new ResumeDelaysCommand(host.Clock.GetUtcNow())));

        var handle = Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId));
        Assert.Equal("handle", handle.ActivityId);
        await FlowDriver.CompleteEverythingAsync(host, issued.InstanceId);
        Assert.Equal(WorkflowInstanceStatus.Completed, (await FlowDriver.InstanceAsync(host, issued.InstanceId)).Status);
        await using var read = host.Context();
        Assert.Equal(1, await read.Outbox.CountAsync(m => m.DedupeKey.StartsWith("notify:"), EngineHost.Cancel));
        var notice = await read.Outbox.SingleAsync(m => !m.DedupeKey.StartsWith("notify:"), EngineHost.Cancel);
        Assert.Equal((handle.Id, "assigned"), (notice.TaskId!.Value, notice.Template));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Normal_directive_takes_the_False_port_straight_to_the_task(string provider)
    {
        await using var host = await SeededAsync(provider);
        await host.PublishAsync(TestFlows.DecisionNotifyDelay());
        var issued = await host.IssueAsync("urgent-route", "01-COMMITTEE");

        var task = Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId));
        Assert.Equal(host.Clock.GetUtcNow(), task.CreatedAt);
        Assert.Equal("Xử lý Kết luận số 15-KL/TU", task.Title);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 17, 0, 0, TimeSpan.FromHours(7)), task.DueAt);
        await using var db = host.Context();
        // No Notify on this path: the task's own assignment notice is the only email.
        var notice = await db.Outbox.SingleAsync(EngineHost.Cancel);
        Assert.Equal((task.Id, "assigned:0"), (notice.TaskId!.Value, notice.DedupeKey));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_condition_that_loops_forever_is_stopped_and_nothing_is_written(string provider)
    {
        await using var host = await SeededAsync(provider);
        await host.PublishAsync(TestFlows.DecisionNotifyDelay("while (true) {}"));
        var issuer = await host.UnitIdAsync("01-COMMITTEE");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await Assert.ThrowsAsync<ProblemException>(() =>
            host.SendAsync(new IssueDirectiveCommand("1/KH", "Kế hoạch", "", DirectivePriority.Normal, issuer, "urgent-route", null, "issuer", Caller.System)));

        Assert.Contains("is-urgent", Assert.Single(result.Errors["workflowDefinitionId"]).Text(english: true), StringComparison.Ordinal);
        await using var read = host.Context();
        Assert.Equal(0, await read.Directives.CountAsync(EngineHost.Cancel));
        Assert.Equal(0, await read.WorkflowInstances.CountAsync(EngineHost.Cancel));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Percentage_completion_takes_Done_once_when_enough_branches_finish(string provider)
    {
        await using var host = await SeededAsync(provider);
        await host.PublishAsync(TestFlows.Cascade("""{"levels": ["province"]}""", """{"mode": "percentage", "percent": 50}"""));
        var issued = await host.IssueAsync("wide", "01-PARTY");
        var branches = await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work");
        Assert.Equal(4, branches.Count);

        await host.SendAsync(new ResumeTaskCommand(branches[0].Id, "Done", "officer"));
        Assert.Empty(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));
        await host.SendAsync(new ResumeTaskCommand(branches[1].Id, "Done", "officer"));
        Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));
        await host.SendAsync(new ResumeTaskCommand(branches[2].Id, "Done", "officer"));

        await using var db = host.Context();
        Assert.Equal(1, await db.Tasks.CountAsync(t => t.ActivityId == "after", EngineHost.Cancel));
        Assert.Equal(3, (await db.ActivityExecutions.SingleAsync(e => e.ActivityType == "Cascade", EngineHost.Cancel)).CompletedBranches);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deadline_completion_takes_Done_when_the_sweep_passes_the_deadline(string provider)
    {
        await using var host = await SeededAsync(provider);
        await host.PublishAsync(TestFlows.Cascade("""{"levels": ["province"]}""", """{"mode": "deadline", "deadline": {"workingDays": 1}}"""));
        var issued = await host.IssueAsync("wide", "01-PARTY");
        await host.SendAsync(new ResumeTaskCommand((await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work"))[0].Id, "Done", "officer"));

        Assert.Equal(0, await host.SendAsync(new ResumeDelaysCommand(host.Clock.GetUtcNow())));
        Assert.Empty(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));
        host.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await host.SendAsync(new ResumeDelaysCommand(host.Clock.GetUtcNow())));

        Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "after"));
        Assert.Equal(3, (await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "work")).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cancelling_an_instance_cancels_its_open_tasks_and_refuses_later_resumes(string provider)
    {
        await using var host = await SeededAsync(provider);
        await host.PublishAsync(TestFlows.Cascade("""{"levels": ["province"]}"""));
        var issued = await host.IssueAsync("wide", "01-PARTY");
        var task = (await FlowDriver.OpenTasksAsync(host, issued.InstanceId))[0];

        Assert.Equal(ResumeResult.Resumed, await host.SendAsync(new CancelInstanceCommand(issued.InstanceId, "admin", "Thu hồi văn bản")));
        Assert.Equal(ResumeResult.AlreadyConsumed, await host.SendAsync(new CancelInstanceCommand(issued.InstanceId, "admin")));

        Assert.Equal(WorkflowInstanceStatus.Cancelled, (await FlowDriver.InstanceAsync(host, issued.InstanceId)).Status);
        Assert.Empty(await FlowDriver.OpenTasksAsync(host, issued.InstanceId));
        Assert.Equal(ResumeResult.AlreadyConsumed, await host.SendAsync(new ResumeTaskCommand(task.Id, "Done", "officer")));
        await using var db = host.Context();
        Assert.All(await db.Tasks.ToListAsync(EngineHost.Cancel), t => Assert.Equal(UnitTaskStatus.Cancelled, t.Status));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_condition_failing_after_a_task_faults_the_instance_but_keeps_the_units_completion(string provider)
    {
        await using var host = await SeededAsync(provider);
        await host.PublishAsync("""
            {
              "id": "faulty", "name": "Faulty", "inputs": [],
              "activities": [
                {"id": "start", "type": "Start", "properties": {}},
                {"id": "do", "type": "UnitTask", "properties": {"title": "Việc", "lead": {"units": ["01-COMMITTEE"]}, "deadline": {"workingDays": 2}}},
                {"id": "check", "type": "Decision", "properties": {"condition": "inputs.missing.value === 1"}},
                {"id": "alert", "type": "Notify", "properties": {"to": "unitHead", "subject": "x", "body": "y"}},
                {"id": "end", "type": "End", "properties": {}}
              ],
              "connections": [
                {"source": "start", "outcome": "Done", "target": "do"}, {"source": "do", "outcome": "Done", "target": "check"},
                {"source": "check", "outcome": "True", "target": "alert"}, {"source": "check", "outcome": "False", "target": "end"},
                {"source": "alert", "outcome": "Done", "target": "end"}
              ]
            }
            """);
        var issued = await host.IssueAsync("faulty", "01-COMMITTEE");
        var task = Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId));

        Assert.Equal(ResumeResult.Resumed, await host.SendAsync(new ResumeTaskCommand(task.Id, "Done", "officer")));

        var instance = await FlowDriver.InstanceAsync(host, issued.InstanceId);
        Assert.Equal(WorkflowInstanceStatus.Faulted, instance.Status);
        Assert.Contains("check", instance.FaultMessage, StringComparison.Ordinal);
        await using var db = host.Context();
        Assert.Equal(UnitTaskStatus.Completed, (await db.Tasks.SingleAsync(t => t.Id == task.Id, EngineHost.Cancel)).Status);
        Assert.Equal(1, await FlowDriver.JournalCountAsync(host, issued.InstanceId, "instance.faulted"));
        Assert.Equal(1, await FlowDriver.JournalCountAsync(host, issued.InstanceId, "task.completed"));
        Assert.Equal(0, await FlowDriver.JournalCountAsync(host, issued.InstanceId, "flow.resumed"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_End_on_one_path_does_not_complete_the_instance_while_a_parallel_path_is_open(string provider)
    {
        // Regression: an End completed the instance at once, leaving the other path's task chased for ever and its
        // completion moving nothing.
        await using var host = await SeededAsync(provider);
        await host.PublishAsync("""
            {
              "id": "two-paths", "name": "Two paths", "inputs": [],
              "activities": [
                {"id": "start", "type": "Start", "properties": {}},
                {"id": "a", "type": "UnitTask", "properties": {"title": "Việc A", "lead": {"units": ["01-COMMITTEE"]}, "deadline": {"workingDays": 2}}},
                {"id": "b", "type": "UnitTask", "properties": {"title": "Việc B", "lead": {"units": ["01-FRONT"]}, "deadline": {"workingDays": 2}}},
                {"id": "end", "type": "End", "properties": {}}
              ],
              "connections": [
                {"source": "start", "outcome": "Done", "target": "a"}, {"source": "start", "outcome": "Done", "target": "b"},
                {"source": "a", "outcome": "Done", "target": "end"}, {"source": "b", "outcome": "Done", "target": "end"}
              ]
            }
            """);
        var issued = await host.IssueAsync("two-paths", "01-COMMITTEE");
        var a = Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "a"));
        var b = Assert.Single(await FlowDriver.OpenTasksAsync(host, issued.InstanceId, "b"));

        Assert.Equal(ResumeResult.Resumed, await host.SendAsync(new ResumeTaskCommand(a.Id, "Done", "officer")));
        Assert.Equal(WorkflowInstanceStatus.Running, (await FlowDriver.InstanceAsync(host, issued.InstanceId)).Status);

        Assert.Equal(ResumeResult.Resumed, await host.SendAsync(new ResumeTaskCommand(b.Id, "Done", "officer")));
        Assert.Equal(WorkflowInstanceStatus.Completed, (await FlowDriver.InstanceAsync(host, issued.InstanceId)).Status);
        Assert.Equal(1, await FlowDriver.JournalCountAsync(host, issued.InstanceId, "instance.completed"));
    }

    private static async Task<EngineHost> SeededAsync(string provider)
    {
        var host = await EngineHost.CreateAsync(provider);
        await using var db = host.Context();
        await TestOrganisation.SeedHanoiAsync(db, communeLimit: 2);
        return host;
    }
}
