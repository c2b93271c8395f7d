using System.Diagnostics;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DirectiveFlow.Benchmarks.Cascade.CascadeBenchmark;

namespace DirectiveFlow.Benchmarks.Cascade;

/// <summary>
/// Hà Nội scale: Thành ủy's directive through the benchmark's flow (one Cascade, a task per unit) to the city's 504
/// commune-level pillar units — the selector is scoped to the issuer's province. Prints the ratio to the raw insert and
/// the fixed cost per directive: the same flow issued to the city's 4 pillar units, where the rows are almost nothing.
/// </summary>
public static class HanoiCascade
{
    public static async Task RunAsync(ScaleRun run)
    {
        var issuer = await UnitIdAsync(run.Services, "01-PARTY");
        var expected = await ExpectedTasksAsync(run.Services);
        await IssueAsync(run.Services, issuer, $"{BenchmarkFlow.Id}-province", "Kết luận số 01-KL/TU"); // warm-up: JIT, pools, caches
        var (engineBest, baselineBest) = (TimeSpan.MaxValue, TimeSpan.MaxValue);
        var ratios = new List<double>();
        var fixedCosts = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            // The machine is shared: alternate engine and baseline runs and keep the best of each.
            var watch = Stopwatch.StartNew();
            await IssueAsync(run.Services, issuer, $"{BenchmarkFlow.Id}-province", "Kết luận số 02-KL/TU");
            fixedCosts.Add(watch.Elapsed.TotalMilliseconds);

            watch.Restart();
            var result = await IssueAsync(run.Services, issuer, $"{BenchmarkFlow.Id}-commune", "Kết luận số 03-KL/TU");
            var engine = watch.Elapsed;
            var expansion = await ExpandNoticesAsync(run.Services);
            var baseline = await run.CheckedBaselineAsync(result, expected, "Hà Nội");
            (engineBest, baselineBest) = (Min(engineBest, engine), Min(baselineBest, baseline));
            ratios.Add(engine / baseline);
            Console.WriteLine($"  Hà Nội round {round + 1}: engine {engine.TotalMilliseconds:F0} ms, raw {baseline.TotalMilliseconds:F0} ms, " +
                $"ratio {engine / baseline:F2}, {expected:N0} tasks and notices (made rows at dispatch afterwards in {expansion.TotalMilliseconds:F0} ms); " +
                $"a directive to 4 units {fixedCosts[^1]:F0} ms");
        }

        Console.WriteLine($"{run.Provider} Hà Nội: engine cascade of {expected:N0} tasks with {expected:N0} assignment notices in " +
            $"{engineBest.TotalMilliseconds:F0} ms; raw {run.BaselineName}: {baselineBest.TotalMilliseconds:F0} ms; median per-round ratio " +
            $"{Median(ratios):F2}; fixed cost per directive (median, the same flow to 4 units) {Median(fixedCosts):F0} ms");
    }

    /// <summary>Hà Nội's commune-level pillar units, which the cascade must reach; checked to be 126 communes × 4 pillars.</summary>
    private static async Task<int> ExpectedTasksAsync(IServiceProvider services)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext();
        var hanoi = await db.Localities.Where(l => l.Code == "01").Select(l => l.Id).SingleAsync();
        var communes = db.Localities.Where(l => l.ParentId == hanoi).Select(l => l.Id);
        var expected = await db.Units.CountAsync(u => u.Level == UnitLevel.Commune && u.Kind == OrgUnitKind.PillarUnit
            && u.IsActive && communes.Contains(u.LocalityId));
        if (expected != 126 * 4)
        {
            throw new InvalidOperationException($"Hà Nội has {expected:N0} commune-level pillar units after the import, not 504 (126 communes × 4 pillars).");
        }

        return expected;
    }
}
