using System.Diagnostics;
using DirectiveFlow.Core.Organisation;
using DirectiveFlow.Core.Tasks;
using DirectiveFlow.Infrastructure.Engine.Commands;
using DirectiveFlow.Infrastructure.Organisation;
using DirectiveFlow.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DirectiveFlow.Benchmarks.Cascade.CascadeBenchmark;

namespace DirectiveFlow.Benchmarks.Cascade;

/// <summary>
/// National scale through the engine's own shipped flow (<c>workflows/national-directive.json</c>): Chính phủ issues →
/// one plan task for each of the 34 provinces' four pillar units → each province unit completes its plan (one request
/// each, as from its inbox) and its branch re-cascades to its own communes' counterparts. Timed: the issue and every
/// plan's completion; checked: exactly one task and one assignment notice per province and commune pillar unit of the
/// imported list; compared with a raw insert of the same rows in the same transactions (the plans in one, then each
/// plan's completion with its communes' tasks in one: the flow's steps are separate commits, since each province plans
/// on its own day), and, for reference, in one transaction for every row. Beside it, one directive cascading to every
/// commune pillar unit in one step, against the raw insert in one transaction.
/// </summary>
public static class NationalCascade
{
    private const string Flow = "national-directive";
    private const string PlanActivity = "province-plan";

    public static string ShippedFlowPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "workflows", Flow + ".json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"workflows/{Flow}.json was not found above {AppContext.BaseDirectory}.");
    }

    public static async Task RunAsync(ScaleRun run)
    {
        var issuer = await UnitIdAsync(run.Services, NationalTier.UnitCode(Pillar.Committee));
        var (provinceUnits, communeUnits) = await ExpectedTasksAsync(run.Services);
        var expected = provinceUnits + communeUnits;
        var (engineBest, baselineBest, stepBaselineBest) = (TimeSpan.MaxValue, TimeSpan.MaxValue, TimeSpan.MaxValue);
        var ratios = new List<double>();
        var stepRatios = new List<double>();
        var oneCascadeRatios = new List<double>();
        var floorRatios = new List<double>();
        var oneCascadeFloorRatios = new List<double>();
        // Round 0 warms up and is not counted: the first national round runs much of the engine's code before the JIT
        // has optimised it (on a quiet machine its ratio was 1.3-1.7 times the later rounds'), and a node serving a
        // country runs warm. It is checked and printed like the others.
        for (var round = 0; round <= Rounds; round++)
        {
            var counted = round > 0;
            var (oneRatio, oneFloorRatio) = await OneCascadeAsync(run, issuer, communeUnits, round);
            if (counted)
            {
                oneCascadeRatios.Add(oneRatio);
                oneCascadeFloorRatios.Add(oneFloorRatio);
            }

            using var commands = new CommandTally();
            var watch = Stopwatch.StartNew();
            var result = await IssueAsync(run.Services, issuer, Flow, "Chỉ thị số 01/CT-TTg");
            var issue = watch.Elapsed;
            var plans = await PlansAsync(run.Services, result.InstanceId); // what each province's inbox shows; not timed
            var issueCommands = commands.Take();
            watch.Restart();
            foreach (var plan in plans)
            {
                await using var scope = run.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ResumeTaskCommand(plan, "Done", "bench"));
            }

            var completions = watch.Elapsed;
            var completionCommands = commands.Take();
            var engine = issue + completions;
            var expansion = await ExpandNoticesAsync(run.Services);
            var baseline = await run.CheckedBaselineAsync(result, expected, "national");
            var stepBaseline = await run.CheckedStepBaselineAsync(result, expected, "national, step by step", PlanActivity);
            var stepFloor = await run.CheckedStepBaselineAsync(result, expected, "national, step by step, with notices", PlanActivity, withNotices: true);
            if (counted)
            {
                floorRatios.Add(engine / stepFloor);
                (engineBest, baselineBest, stepBaselineBest) = (Min(engineBest, engine), Min(baselineBest, baseline), Min(stepBaselineBest, stepBaseline));
                ratios.Add(engine / baseline);
                stepRatios.Add(engine / stepBaseline);
            }

            Console.WriteLine($"  national {RoundName(round)}: engine {engine.TotalMilliseconds:F0} ms (issue to {plans.Count} province units " +
                $"{issue.TotalMilliseconds:F0} ms, {issueCommands}; {plans.Count} plans completed, each re-cascading, " +
                $"{completions.TotalMilliseconds:F0} ms = {completions.TotalMilliseconds / plans.Count:F1} ms each, {completionCommands}); " +
                $"raw in the same {plans.Count + 1} transactions {stepBaseline.TotalMilliseconds:F0} ms, ratio {engine / stepBaseline:F2}; " +
                $"raw with the notices too {stepFloor.TotalMilliseconds:F0} ms ({stepFloor / stepBaseline:F2} × the tasks alone), ratio {engine / stepFloor:F2}; " +
                $"raw in one transaction {baseline.TotalMilliseconds:F0} ms, ratio {engine / baseline:F2}; {expected:N0} tasks and notices " +
                $"(made rows at dispatch afterwards in {expansion.TotalMilliseconds:F0} ms)");
        }

        var oneCascade = Median(oneCascadeRatios);
        Console.WriteLine($"{run.Provider} national, one directive cascading to {communeUnits:N0} units in one step (the benchmark flow, no plans), " +
            $"against raw {run.BaselineName} in one transaction: median per-round ratio {oneCascade:F2} (budget ≤ {run.Goal}) " +
            $"{(oneCascade <= run.Goal ? "MET" : "MISSED")}; against raw tasks and notices, median {Median(oneCascadeFloorRatios):F2}");
        var median = Median(stepRatios);
        Console.WriteLine($"{run.Provider} national: engine cascades of {expected:N0} tasks with {expected:N0} assignment notices in " +
            $"{engineBest.TotalMilliseconds:F0} ms ({expected / engineBest.TotalSeconds:N0} tasks/s) over {provinceUnits + 1} steps; " +
            $"raw {run.BaselineName} in the same transactions (the plans, then each plan completed with its communes' tasks): " +
            $"{stepBaselineBest.TotalMilliseconds:F0} ms; median per-round ratio {median:F2} (budget ≤ {run.Goal}) {(median <= run.Goal ? "MET" : "MISSED")}; " +
            $"for reference, raw in one transaction for every row: {baselineBest.TotalMilliseconds:F0} ms " +
            $"({expected / baselineBest.TotalSeconds:N0} rows/s), median ratio {Median(ratios):F2}; against raw tasks and notices in the same " +
            $"transactions (a model and a notice row per task, as the engine writes them), median ratio {Median(floorRatios):F2}");
    }

    /// <summary>
    /// The literal "one directive to ~13,300 units": the same national issuer through the benchmark's one-Cascade flow,
    /// which reaches every commune pillar unit of the country in one directive (the cascade writer's batches), against
    /// the raw insert of its tasks in one transaction (the budget) and, for reference, of its tasks and notices.
    /// </summary>
    private static async Task<(double Ratio, double FloorRatio)> OneCascadeAsync(ScaleRun run, Guid issuer, int communeUnits, int round)
    {
        var watch = Stopwatch.StartNew();
        var result = await IssueAsync(run.Services, issuer, $"{BenchmarkFlow.Id}-commune", "Chỉ thị số 02/CT-TTg");
        var engine = watch.Elapsed;
        var expansion = await ExpandNoticesAsync(run.Services);
        var baseline = await run.CheckedBaselineAsync(result, communeUnits, "national, one cascade");
        var floor = await run.CheckedBaselineAsync(result, communeUnits, "national, one cascade, with notices", withNotices: true);
        Console.WriteLine($"  national {RoundName(round)}, one cascade: engine {engine.TotalMilliseconds:F0} ms, raw {baseline.TotalMilliseconds:F0} ms, " +
            $"ratio {engine / baseline:F2}; raw with the notices too {floor.TotalMilliseconds:F0} ms, ratio {engine / floor:F2}; {communeUnits:N0} tasks and notices " +
            $"(made rows at dispatch afterwards in {expansion.TotalMilliseconds:F0} ms)");
        return (engine / baseline, engine / floor);
    }

    private static string RoundName(int round) => round == 0 ? "warm-up round (not counted)" : $"round {round}";

    /// <summary>One task per province and per commune pillar unit of the import: 34 × 4 plans, then 3,321 × 4 commune tasks.</summary>
    private static async Task<(int Provinces, int Communes)> ExpectedTasksAsync(IServiceProvider services)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext();
        var provinces = await db.Localities.CountAsync(l => l.Type == LocalityType.Province);
        var communes = await db.Localities.CountAsync(l => l.ParentId != null);
        var provinceUnits = await db.Units.CountAsync(u => u.Level == UnitLevel.Province && u.Kind == OrgUnitKind.PillarUnit && u.IsActive);
        var communeUnits = await db.Units.CountAsync(u => u.Level == UnitLevel.Commune && u.Kind == OrgUnitKind.PillarUnit && u.IsActive);
        if (provinceUnits != provinces * 4 || communeUnits != communes * 4 || provinces != 34)
        {
            throw new InvalidOperationException($"The national list gave {provinces} provinces with {provinceUnits:N0} pillar units and " +
                $"{communes:N0} communes with {communeUnits:N0}, not 34 and 4 pillar units per locality.");
        }

        return (provinceUnits, communeUnits);
    }

    private static async Task<List<Guid>> PlansAsync(IServiceProvider services, Guid instanceId)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<DirectiveFlowDbContext>>().CreateDbContext();
        return await db.Tasks.Where(t => t.InstanceId == instanceId && t.ActivityId == PlanActivity && t.Status != UnitTaskStatus.Completed)
            .OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
    }
}
