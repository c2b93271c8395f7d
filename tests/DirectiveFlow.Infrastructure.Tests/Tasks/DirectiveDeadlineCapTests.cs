using DirectiveFlow.Core.Common.Errors;
using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Core.Workflows;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Engine.SubCascades;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Tasks.Commands;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

/// <summary>
/// No task is due after its directive's overall deadline (issue 13 part 1): the cap held for the flow's own tasks but not
/// for an approved extension or a unit's sub-cascade. And cancelling a whole directive supersedes its open requests,
/// as ending one task does.
/// </summary>
public sealed class DirectiveDeadlineCapTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_extension_past_the_overall_deadline_is_refused_when_requested(string provider)
    {
        await using var h = await TaskHarness.CreateAsync(provider);
        var deadline = DirectiveDocument.DeadlineInstant(new DateOnly(2026, 3, 12));
        var task = await ArrangeTaskAsync(h, deadline);

        var refused = await Assert.ThrowsAsync<ProblemException>(() =>
            h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new RequestExtensionCommand(task.Id, 5, null, "Chờ số liệu"))));

        var message = Assert.Single(refused.Errors["newDueDate"]);
        Assert.Equal(ErrorCodes.ExtensionPastDirectiveDeadline, message.Code);
        Assert.Contains("12/03/2026", message.Text(english: false), StringComparison.Ordinal);
        // Up to the deadline itself is still allowed.
        var accepted = await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new RequestExtensionCommand(task.Id, null, "2026-03-12", "Chờ số liệu")));
        Assert.NotEqual(Guid.Empty, accepted);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Approving_an_extension_past_the_overall_deadline_is_refused_and_the_deadline_stays(string provider)
    {
        await using var h = await TaskHarness.CreateAsync(provider);
        var task = await ArrangeTaskAsync(h, deadline: null);
        var request = await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new RequestExtensionCommand(task.Id, 5, null, "Chờ số liệu")));
        // The overall deadline is recorded after the request was made.
        await using (var db = h.Database.CreateContext())
        {
            await db.Directives.Where(d => d.Id == task.DirectiveId)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Deadline, DirectiveDocument.DeadlineInstant(new DateOnly(2026, 3, 10))), Ct);
        }

        var refused = await Assert.ThrowsAsync<ProblemException>(() =>
            h.AsAsync(TaskHarness.Issuer(h.City), s => s.Send(new DecideExtensionCommand(task.Id, request, true, null))));

        Assert.Equal((ProblemKind.Conflict, ErrorCodes.ExtensionPastDirectiveDeadline), (refused.Kind, refused.Problem.Code));
        await using var check = h.Database.CreateContext();
        Assert.Equal(task.DueAt, await check.Tasks.Where(t => t.Id == task.Id).Select(t => t.DueAt).SingleAsync(Ct));
        Assert.Equal(ExtensionRequestStatus.Requested, await check.ExtensionRequests.Where(r => r.Id == request).Select(r => r.Status).SingleAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_sub_cascade_is_capped_at_the_overall_deadline(string provider)
    {
        await using var h = await TaskHarness.CreateAsync(provider);
        var deadline = DirectiveDocument.DeadlineInstant(new DateOnly(2026, 3, 6));
        var task = await ArrangeTaskAsync(h, deadline);

        var result = await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new StartSubCascadeCommand(
            task.Id, [h.WardSubUnit.Id], null, "Rà soát hộ dân", null, new System.Text.Json.Nodes.JsonObject { ["workingDays"] = 20 }, "00070-COMMITTEE",
            Caller.System)));

        await using var db = h.Database.CreateContext();
        var child = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == result.TaskIds.Single(), Ct);
        Assert.Equal((deadline, deadline), (child.DueAt, child.OriginalDueAt));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cancelling_the_directive_supersedes_the_open_requests_of_its_tasks(string provider)
    {
        await using var h = await TaskHarness.CreateAsync(provider);
        var task = await ArrangeTaskAsync(h, deadline: null);
        var request = await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new RequestExtensionCommand(task.Id, 3, null, "Chờ số liệu")));
        h.Clock.Advance(TimeSpan.FromHours(1));

        var outcome = await h.AsAsync(TaskHarness.Admin(), s => s.Send(new CancelInstanceCommand(task.InstanceId, "admin", "Ban hành nhầm")));

        Assert.Equal(ResumeResult.Resumed, outcome);
        await using var db = h.Database.CreateContext();
        var stored = await db.ExtensionRequests.AsNoTracking().SingleAsync(r => r.Id == request, Ct);
        Assert.Equal((ExtensionRequestStatus.Superseded, h.Clock.GetUtcNow(), "admin"), (stored.Status, stored.DecidedAt, stored.DecidedBy));
        Assert.Equal(UnitTaskStatus.Cancelled, await db.Tasks.Where(t => t.Id == task.Id).Select(t => t.Status).SingleAsync(Ct));
    }

    /// <summary>A running flow's task for the ward, due in 5 working days (9 March 2026), under a directive with <paramref name="deadline"/>.</summary>
    private static async Task<UnitTask> ArrangeTaskAsync(TaskHarness h, DateTimeOffset? deadline)
    {
        await using var db = h.Database.CreateContext();
        var data = new TaskTestData(db);
        var directive = await data.AddDirectiveAsync(h.City.Id);
        directive.Deadline = deadline;
        db.WorkflowInstances.Add(new WorkflowInstance
        {
            Id = directive.InstanceId, DefinitionId = "test-flow", DefinitionVersion = 1, DirectiveId = directive.Id, CreatedAt = TaskHarness.Start,
        });
        await db.SaveChangesAsync(Ct);
        return await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, TaskHarness.Start, h.Calendar.AddWorkingDays(TaskHarness.Start, 5),
            UnitTaskStatus.InProgress);
    }
}
