using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Tasks.Commands;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

/// <summary>The task's page as a completion answers it: everything it shows, in five queries on one connection.</summary>
public sealed class TaskDetailQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A ward's task of "Chỉ thị số 07/CT-UBND" assigned by the city, supported by the other ward or not.</summary>
    private static async Task<(TaskHarness H, UnitTask Task)> ArrangeAsync(string provider, UnitTaskStatus status, bool supportedByOtherWard)
    {
        var h = await TaskHarness.CreateAsync(provider);
        await using var db = h.Database.CreateContext();
        var data = new TaskTestData(db);
        var directive = await data.AddDirectiveAsync(h.City.Id, "Chỉ thị số 07/CT-UBND");
        var task = await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, TaskHarness.Start, h.Calendar.AddWorkingDays(TaskHarness.Start, 5),
            status, supporting: supportedByOtherWard ? [h.OtherWard.Id] : null);
        return (h, task);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_completed_task_reads_in_five_queries_with_its_directive_units_and_supporting_names(string provider)
    {
        var (h, task) = await ArrangeAsync(provider, UnitTaskStatus.InProgress, supportedByOtherWard: true);
        await using var _ = h;

        await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new CompleteTaskCommand(task.Id, "Đã tổ chức hội nghị quán triệt.")));
        TaskDetailDto detail;
        using (var counter = new CommandCounter(h.Database.ConnectionString))
        {
            detail = await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new GetTaskQuery(task.Id), Ct));
            Assert.Equal(5, counter.Commands);
            Assert.Equal(1, counter.Opens);
        }

        Assert.Equal(nameof(UnitTaskStatus.Completed), detail.Status);
        Assert.Equal("Chỉ thị số 07/CT-UBND", detail.DirectiveNumber);
        Assert.Equal(h.Ward.Name, detail.UnitName);
        Assert.Equal(h.Ward.Code, detail.UnitCode);
        Assert.Equal(h.City.Name, detail.AssignerUnitName);
        var supporting = Assert.Single(detail.SupportingUnits);
        Assert.Equal((h.OtherWard.Id, h.OtherWard.Code, h.OtherWard.Name), (supporting.UnitId, supporting.UnitCode, supporting.UnitName));
        Assert.Null(detail.AssignedTo);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_task_of_another_unit_or_no_task_is_not_found_and_one_without_supporting_units_reads(string provider)
    {
        var (h, task) = await ArrangeAsync(provider, UnitTaskStatus.Assigned, supportedByOtherWard: false);
        await using var _ = h;

        var refused = await Assert.ThrowsAsync<Core.Common.Errors.ProblemException>(() =>
            h.AsAsync(TaskHarness.Officer(h.OtherWard), s => s.Send(new GetTaskQuery(task.Id), Ct)));
        Assert.Equal(Core.Common.Errors.ProblemKind.NotFound, refused.Kind);
        var missing = await Assert.ThrowsAsync<Core.Common.Errors.ProblemException>(() =>
            h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new GetTaskQuery(Guid.NewGuid()), Ct)));
        Assert.Equal(Core.Common.Errors.ProblemKind.NotFound, missing.Kind);
        var detail = await h.AsAsync(TaskHarness.Officer(h.Ward), s => s.Send(new GetTaskQuery(task.Id), Ct));
        Assert.Equal(task.Id, detail.Id);
        Assert.Empty(detail.SupportingUnits);
    }
}
