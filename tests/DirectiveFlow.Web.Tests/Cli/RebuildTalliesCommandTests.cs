using DirectiveFlow.TestSupport;
using DirectiveFlow.TestSupport.Tasks;
using DirectiveFlow.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace DirectiveFlow.Web.Tests.Cli;

public sealed class RebuildTalliesCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rebuild_tallies_counts_every_task_again_after_the_tallies_were_lost()
    {
        await using var db = await TestDatabase.CreateSqliteAsync();
        await using (var write = db.CreateContext())
        {
            var data = new TaskTestData(write);
            var city = await data.AddUnitAsync("01-COMMITTEE", "UBND Thành phố", level: Core.Organisation.UnitLevel.Province);
            var ward = await data.AddUnitAsync("00004-COMMITTEE", "UBND phường Ba Đình", city.Id);
            var directive = await data.AddDirectiveAsync(city.Id);
            var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
            await data.AddTaskAsync(directive, ward.Id, city.Id, start, start.AddDays(5));
            await data.AddTaskAsync(directive, city.Id, city.Id, start, start.AddDays(5), Core.Tasks.UnitTaskStatus.InProgress);
            Assert.Equal(2, await write.TaskTallies.SumAsync(t => t.Count, Ct));
            await write.TaskTallies.ExecuteDeleteAsync(Ct);
        }

        Assert.Equal(0, await CliHost.RunAsync(db, RebuildTalliesCommand.Name));

        await using var read = db.CreateContext();
        Assert.Equal(2, await read.TaskTallies.CountAsync(Ct));
        Assert.Equal(2, await read.TaskTallies.SumAsync(t => t.Count, Ct));
    }
}
