using DirectiveFlow.Core.Directives;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.TestSupport.Tasks;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

/// <summary>The ward's inbox the inbox tests read: one task in each open and completed state around the harness's start.</summary>
internal static class InboxTestTasks
{
    /// <summary>
    /// "Kế hoạch số 12/KH-UBND" to the ward: overdue, due soon (1 working day), not acknowledged (10 working days),
    /// completed on time; answers the directive and the tasks' creation time, for more tasks.
    /// </summary>
    public static async Task<(Directive Directive, DateTimeOffset Start)> AddWardTasksAsync(TaskHarness h, TaskTestData data)
    {
        var directive = await data.AddDirectiveAsync(h.City.Id, "Kế hoạch số 12/KH-UBND");
        var start = TaskHarness.Start.AddDays(-20);
        await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, start, TaskHarness.Start.AddDays(-3), UnitTaskStatus.InProgress, title: "Quá hạn");
        await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, start, h.Calendar.AddWorkingDays(TaskHarness.Start, 1), UnitTaskStatus.Acknowledged, title: "Sắp đến hạn");
        await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, start, h.Calendar.AddWorkingDays(TaskHarness.Start, 10), UnitTaskStatus.Assigned, title: "Chưa tiếp nhận");
        await data.AddTaskAsync(directive, h.Ward.Id, h.City.Id, start, TaskHarness.Start.AddDays(-1), UnitTaskStatus.Completed,
            title: "Hoàn thành đúng hạn", configure: t => t.CompletedAt = TaskHarness.Start.AddDays(-2));
        return (directive, start);
    }
}
