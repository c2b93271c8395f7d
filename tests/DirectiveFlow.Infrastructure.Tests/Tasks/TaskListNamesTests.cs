using DirectiveFlow.Core.Common;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Tasks.Queries;
using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Infrastructure.Tests.Tasks;

/// <summary>
/// A list page reads its tasks alone and then the names of its units, directives and assigned officers by key: each
/// row must carry its own names, on the compiled default inbox and on the built query alike, and a renamed unit,
/// directive or officer must show its new name on the very next page (nothing is cached).
/// </summary>
public sealed class TaskListNamesTests
{
    private static readonly UnitTaskStatus[] Every = Enum.GetValues<UnitTaskStatus>();

    private static TaskListFilter Filter(IReadOnlyList<UnitTaskStatus> statuses) =>
        new(TaskListScope.Mine, statuses, null, false, null, null, null, null, new PageRequest(1, 50));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_row_shows_its_own_unit_directive_and_officer_and_a_rename_shows_on_the_next_page(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var h = await TaskHarness.CreateAsync(provider);
        await using var _ = h;
        var officerId = Guid.NewGuid();
        Guid plan, conclusion;
        await using (var db = h.Database.CreateContext())
        {
            var data = new TaskTestData(db);
            plan = (await data.AddDirectiveAsync(h.City.Id, "Kế hoạch số 12/KH-UBND", "Chuyển đổi số năm 2026")).Id;
            conclusion = (await data.AddDirectiveAsync(h.City.Id, "Kết luận số 15-KL/TU", "Cải cách hành chính")).Id;
            db.Users.Add(new AppUser
            {
                Id = officerId, UserName = "minh.tv", NormalizedUserName = "MINH.TV", FullName = "Trần Văn Minh", Position = "Chuyên viên", UnitId = h.Ward.Id, IsActive = true,
            });
            await db.SaveChangesAsync(ct);
            var start = TaskHarness.Start.AddDays(-10);
            var planDirective = await db.Directives.SingleAsync(d => d.Id == plan, ct);
            var conclusionDirective = await db.Directives.SingleAsync(d => d.Id == conclusion, ct);
            await data.AddTaskAsync(planDirective, h.Ward.Id, h.City.Id, start, TaskHarness.Start.AddDays(1), title: "Phường, kế hoạch",
                configure: t => t.AssignedUserId = officerId);
            await data.AddTaskAsync(conclusionDirective, h.WardSubUnit.Id, h.Ward.Id, start, TaskHarness.Start.AddDays(2), title: "Tổ dân phố, kết luận");
            await data.AddTaskAsync(planDirective, h.WardSubUnit.Id, h.Ward.Id, start, TaskHarness.Start.AddDays(3), title: "Tổ dân phố, kế hoạch");
        }

        var head = TaskHarness.Head(h.Ward);
        var compiled = await h.AsAsync(head, s => s.Send(new ListTasksQuery(Filter([]))));
        var built = await h.AsAsync(head, s => s.Send(new ListTasksQuery(Filter(Every))));
        Assert.Equal(built.Items, compiled.Items);
        Assert.Equal(
            [
                ("Phường, kế hoạch", h.Ward.Code, h.Ward.Name, "Kế hoạch số 12/KH-UBND", "Chuyển đổi số năm 2026", "Trần Văn Minh (Chuyên viên)"),
                ("Tổ dân phố, kết luận", h.WardSubUnit.Code, h.WardSubUnit.Name, "Kết luận số 15-KL/TU", "Cải cách hành chính", null),
                ("Tổ dân phố, kế hoạch", h.WardSubUnit.Code, h.WardSubUnit.Name, "Kế hoạch số 12/KH-UBND", "Chuyển đổi số năm 2026", null),
            ],
            Shown(compiled));
        Assert.Equal(officerId, compiled.Items[0].AssignedTo?.Id);

        await using (var db = h.Database.CreateContext())
        {
            (await db.Units.SingleAsync(u => u.Id == h.WardSubUnit.Id, ct)).Name = "Tổ dân phố số 1 (mới)";
            (await db.Directives.SingleAsync(d => d.Id == plan, ct)).Title = "Chuyển đổi số năm 2026 (sửa đổi)";
            (await db.Users.SingleAsync(u => u.Id == officerId, ct)).Position = "Phó trưởng phòng";
            await db.SaveChangesAsync(ct);
        }

        var renamed = await h.AsAsync(head, s => s.Send(new ListTasksQuery(Filter([]))));
        Assert.Equal((await h.AsAsync(head, s => s.Send(new ListTasksQuery(Filter(Every))))).Items, renamed.Items);
        Assert.Equal(
            [
                ("Phường, kế hoạch", h.Ward.Code, h.Ward.Name, "Kế hoạch số 12/KH-UBND", "Chuyển đổi số năm 2026 (sửa đổi)", "Trần Văn Minh (Phó trưởng phòng)"),
                ("Tổ dân phố, kết luận", h.WardSubUnit.Code, "Tổ dân phố số 1 (mới)", "Kết luận số 15-KL/TU", "Cải cách hành chính", null),
                ("Tổ dân phố, kế hoạch", h.WardSubUnit.Code, "Tổ dân phố số 1 (mới)", "Kế hoạch số 12/KH-UBND", "Chuyển đổi số năm 2026 (sửa đổi)", null),
            ],
            Shown(renamed));
    }

    private static List<(string, string, string, string?, string?, string?)> Shown(PagedResult<TaskListItemDto> page) =>
        page.Items.Select(i => (i.Title, i.UnitCode, i.UnitName, i.DirectiveNumber, i.DirectiveTitle, i.AssignedTo?.Label)).ToList();
}
