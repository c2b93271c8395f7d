using System.Globalization;
using DirectiveFlow.Infrastructure.Persistence;

namespace DirectiveFlow.Benchmarks.Peer;

/// <summary>
/// The peer scenario: the same work done by our engine and by WorkflowCore 3.22.0, in the same run, with the same N —
/// one directive to N units, a waiting task each, then N completions — on the same database kind: SQLite, then
/// PostgreSQL when DIRECTIVEFLOW_TEST_POSTGRES is set. WorkflowCore persists through <see cref="SqlPersistenceProvider"/>
/// (none of its own persistence packages is served here) into the same database as ours. Each round runs the three
/// sides in a rotating order; medians are reported. Then WorkflowCore on its in-memory store, for reference only.
/// Goal: ours ≥ 10× faster than the peer's best persistent model on each database.
/// </summary>
public static class PeerBenchmark
{
    private const int Rounds = 3;
    private const double Goal = 10;

    public static async Task RunAsync(string[] args)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? Math.Max(1, r) : Rounds;
        Console.WriteLine($"Peer: WorkflowCore 3.22.0 host: {WorkflowCoreSide.Settings}");
        List<string>? units = null;
        TimeSpan? oursOnSqlite = null;
        await BenchDatabases.ForEachAsync("peer", async (provider, connectionString) =>
        {
            await using var services = BenchDatabases.Services(provider, connectionString);
            var ours = await EngineSide.PrepareAsync(services);
            units = await ours.UnitCodesAsync();
            if (units.Count != ours.Expected)
            {
                throw new InvalidOperationException($"The peer would get {units.Count:N0} units, ours {ours.Expected:N0}.");
            }

            var kind = provider == DatabaseProvider.Sqlite ? PeerDatabase.Sqlite : PeerDatabase.PostgreSql;
            var database = new PeerSqlStore(kind, connectionString);
            var name = provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";
            Console.WriteLine($"Peer on {name}: N = {units.Count:N0} units (Hà Nội's commune-level pillar units); both engines in the same database");
            if (Environment.GetEnvironmentVariable("DIRECTIVEFLOW_BENCH_PEER_OURS_ONLY") == "1")
            {
                // For work on our side: our rounds alone, no peer and no ratio.
                for (var round = 0; round < rounds; round++)
                {
                    var (issue, complete) = await ours.RunAsync();
                    Console.WriteLine($"  ours alone, round {round + 1}: issue {issue.TotalMilliseconds:F0} ms, completions {complete.TotalMilliseconds:F0} ms; {ours.LastCompletions}");
                }

                return;
            }

            var medians = await MeasureAsync(rounds,
            [
                ($"DirectiveFlow ({name})", ours.RunAsync),
                ($"WorkflowCore, an instance per unit ({name})", () => WorkflowCoreSide.RunAsync(PeerModel.InstancePerUnit, units, database)),
                ($"WorkflowCore, ForEach + WaitFor ({name})", () => WorkflowCoreSide.RunAsync(PeerModel.ForEachUnit, units, database)),
            ], units.Count, ours: null);
            if (medians[1].Total == TimeSpan.MaxValue && medians[2].Total == TimeSpan.MaxValue)
            {
                throw new InvalidOperationException($"Neither WorkflowCore model did the work on {name}.");
            }

            var best = Min(medians[1].Total, medians[2].Total) / medians[0].Total;
            Console.WriteLine($"Ours against the peer's best persistent model on {name}: {best.ToString("F2", CultureInfo.InvariantCulture)}× faster " +
                $"(goal ≥ {Goal}×: {(best >= Goal ? "MET" : "MISSED")}; both committed every step to {name})");
            Console.WriteLine($"Ours, the last round's {units.Count:N0} completions ({EngineSide.Workers} at a time): {ours.LastCompletions}");
            oursOnSqlite ??= medians[0].Total;
        });

        if (Environment.GetEnvironmentVariable("DIRECTIVEFLOW_BENCH_PEER_OURS_ONLY") == "1")
        {
            return;
        }

        if (units is null || oursOnSqlite is not { } reference)
        {
            throw new InvalidOperationException("The peer scenario ran on no database.");
        }

        Console.WriteLine("Peer in memory, for reference (WorkflowCore's MemoryPersistenceProvider: nothing written anywhere; ratios against ours on SQLite):");
        await MeasureAsync(rounds,
        [
            ("WorkflowCore, an instance per unit (memory)", () => WorkflowCoreSide.RunAsync(PeerModel.InstancePerUnit, units, null)),
            ("WorkflowCore, ForEach + WaitFor (memory)", () => WorkflowCoreSide.RunAsync(PeerModel.ForEachUnit, units, null)),
        ], units.Count, reference);
    }

    /// <summary>
    /// A warm-up of each side (JIT, pools, caches), then <paramref name="rounds"/> rounds in a rotating order; prints each
    /// round and each side's medians with its ratio to the first side (or to <paramref name="ours"/> when given).
    /// </summary>
    private static async Task<(TimeSpan Issue, TimeSpan Complete, TimeSpan Total)[]> MeasureAsync(
        int rounds, (string Name, Func<Task<(TimeSpan Issue, TimeSpan Complete)>> Run)[] sides, int n, TimeSpan? ours)
    {
        // A side that fails its scale check is reported and dropped (its time would not be for the same work); ours never is.
        var failed = new string?[sides.Length];
        async Task RunAsync(int i, List<(TimeSpan Issue, TimeSpan Complete)>? into)
        {
            if (failed[i] is not null)
            {
                return;
            }

            try
            {
                var time = await sides[i].Run();
                into?.Add(time);
            }
            catch (Exception e) when (i > 0 || ours is not null)
            {
                failed[i] = e.Message;
                Console.WriteLine($"  {sides[i].Name} FAILED: {e.Message}");
            }
        }

        for (var i = 0; i < sides.Length; i++)
        {
            await RunAsync(i, null);
        }

        var times = sides.Select(_ => new List<(TimeSpan Issue, TimeSpan Complete)>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < sides.Length; k++)
            {
                await RunAsync((round + k) % sides.Length, times[(round + k) % sides.Length]);
            }

            Console.WriteLine($"  round {round + 1}: " + string.Join("; ", sides.Select((side, i) => failed[i] is not null ? $"{side.Name} failed"
                : $"{side.Name} {Ms(times[i][round].Issue)} + {Ms(times[i][round].Complete)}")));
        }

        var medians = times.Select((t, i) => failed[i] is not null ? (Issue: TimeSpan.MaxValue, Complete: TimeSpan.MaxValue, Total: TimeSpan.MaxValue)
            : (Issue: Median(t.Select(x => x.Issue)), Complete: Median(t.Select(x => x.Complete)), Total: Median(t.Select(x => x.Issue + x.Complete)))).ToArray();
        for (var i = 0; i < sides.Length; i++)
        {
            if (failed[i] is { } why)
            {
                Console.WriteLine($"{sides[i].Name}: FAILED its scale check, no time reported ({why})");
                continue;
            }

            var ratio = ours is { } total ? $"; total / ours on SQLite: {Ratio(medians[i].Total, total)}"
                : i == 0 ? "" : $"; ratio to ours: issue {Ratio(medians[i].Issue, medians[0].Issue)}, completions {Ratio(medians[i].Complete, medians[0].Complete)}, total {Ratio(medians[i].Total, medians[0].Total)}";
            Console.WriteLine($"{sides[i].Name}: {n:N0} waiting tasks in {Ms(medians[i].Issue)}, {n:N0} completions in {Ms(medians[i].Complete)} " +
                $"({n / medians[i].Complete.TotalSeconds:N0} per second), total {Ms(medians[i].Total)} (medians of {rounds}){ratio}");
        }

        return medians;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    private static string Ratio(TimeSpan peer, TimeSpan ours) => (peer / ours).ToString("F2", CultureInfo.InvariantCulture);
}
