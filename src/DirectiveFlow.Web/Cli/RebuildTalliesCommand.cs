using System.Diagnostics;
using DirectiveFlow.Infrastructure.Persistence;
using DirectiveFlow.Infrastructure.Reports.Tallies;
using Mediator;

namespace DirectiveFlow.Web.Cli;

/// <summary>
/// <c>rebuild-tallies</c>: counts every task into the overview's tallies again (they are kept exact by triggers; this is
/// the repair should they ever be doubted, e.g. after editing tasks with the triggers disabled). Stop the writers first.
/// </summary>
public static class RebuildTalliesCommand
{
    public const string Name = "rebuild-tallies";

    public static async Task<int> RunAsync(WebApplication app)
    {
        await app.Services.MigrateDirectiveFlowDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var clock = Stopwatch.StartNew();
        var rows = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RebuildTaskTalliesCommand());
        Console.WriteLine($"Rebuilt the task tallies in {clock.ElapsedMilliseconds} ms: {rows} rows.");
        return 0;
    }
}
