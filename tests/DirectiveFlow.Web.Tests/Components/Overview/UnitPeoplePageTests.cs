using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Web.Tests.Infrastructure;
using DirectiveFlow.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Components.Overview;

/// <summary>Issue 13, part 4: the unit page ranks the unit's people by their tasks, for its head (and administrators) only.</summary>
public sealed class UnitPeoplePageTests : IAsyncLifetime
{
    private DirectiveFlowWebFactory _app = default!;
    private Guid _unitId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = await UiApp.StartAsync();
        await using var db = _app.Database.CreateContext();
        _unitId = await db.Units.Where(u => u.Code == "00070-PARTY").Select(u => u.Id).SingleAsync(Ct);
        var minh = Guid.Empty;
        await Accounts.ChangeAsync(_app, null, async users =>
        {
            var user = new AppUser { UserName = "minh.tv", FullName = "Trần Văn Minh", Position = "Chuyên viên", UnitId = _unitId, Email = "minh.tv@hoankiem.hanoi.gov.vn" };
            Assert.True((await users.CreateAsync(user, DirectiveFlowWebFactory.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.UnitOfficer)).Succeeded);
            minh = user.Id;
        });
        var data = new UiTestData(db);
        var directive = await data.DirectiveAsync();
        var late = await data.TaskAsync(directive, "00070-PARTY", "Rà soát đảng viên", UiTestData.Now.AddDays(-3), UnitTaskStatus.InProgress);
        await data.TaskAsync(directive, "00070-PARTY", "Báo cáo sơ kết", UiTestData.Now.AddDays(10));
        await db.Tasks.Where(t => t.Id == late.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.AssignedUserId, minh), Ct);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_head_sees_each_officers_tasks_by_category_and_the_issuer_above_does_not()
    {
        using var head = await UiBrowser.SignedInAsync(_app, "00070-PARTY.head");
        using var issuer = await UiBrowser.SignedInAsync(_app, "01-PARTY");

        var page = await head.PageAsync($"/overview/units/{_unitId}");
        Assert.Contains("Việc giao cho từng cán bộ", page, StringComparison.Ordinal);
        var table = page[page.IndexOf("data-testid=\"unit-people\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("Trần Văn Minh (Chuyên viên)", table, StringComparison.Ordinal);
        Assert.Contains("Chưa giao cho ai", table, StringComparison.Ordinal);
        // Minh's one task is overdue: his row is marked and comes first.
        Assert.True(table.IndexOf("Trần Văn Minh", StringComparison.Ordinal) < table.IndexOf("Chưa giao cho ai", StringComparison.Ordinal));
        Assert.Contains("class=\"is-overdue\"", table, StringComparison.Ordinal);

        Assert.DoesNotContain("Việc giao cho từng cán bộ", await issuer.PageAsync($"/overview/units/{_unitId}"), StringComparison.Ordinal);
    }
}
