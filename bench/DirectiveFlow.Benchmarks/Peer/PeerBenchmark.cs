using System.Globalization;
using DirectiveFlow.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace DirectiveFlow.Benchmarks.Peer;

/// <summary>
/// The peer scenario: the same work done by our engine and by WorkflowCore 3.22.0, in the same run, with the same N —
/// one directive to N units, a waiting task each, then N completions. WorkflowCore runs on its in-memory store (none
/// of its persistence providers is served here), ours on SQLite, the database it has the fewest round trips to; so
/// the peer is spared every write it would make to a database and the comparison is in its favour. Each round runs
/// the three sides in a rotating order; medians are reported. Goal: ours ≥ 10× faster than the peer's best model.
/// </summary>
public static class PeerBenchmark
{
    private const int Rounds = 3;
    private const double Goal = 10;

    public static async Task RunAsync(string[] args)
    {
        var rounds = args.Length > 0 && int.TryParse(args[0], out var r) ? Math.Max(1, r) : Rounds;
        var folder = Path.Combine(Path.GetTempPath(), "directiveflow-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var services = BenchDatabases.Services(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "peer.db")}");
            var ours = await EngineSide.PrepareAsync(services);
            var units = await ours.UnitCodesAsync();
            if (units.Count != ours.Expected)
            {
                throw new InvalidOperationException($"The peer would get {units.Count:N0} units, ours {ours.Expected:N0}.");
            }

            Console.WriteLine($"Peer: N = {units.Count:N0} units (Hà Nội's commune-level pillar units); ours on SQLite, WorkflowCore 3.22.0 in memory (its only runnable store here)");
            Func<Task<(TimeSpan, TimeSpan)>>[] sides =
            [
                ours.RunAsync,
                () => WorkflowCoreSide.RunAsync(PeerModel.InstancePerUnit, units),
                () => WorkflowCoreSide.RunAsync(PeerModel.ForEachUnit, units),
            ];
            string[] names = ["DirectiveFlow (SQLite)", "WorkflowCore, an instance per unit (memory)", "WorkflowCore, ForEach + WaitFor (memory)"];
            foreach (var side in sides)
            {
                await side(); // warm-up: JIT, pools, caches
            }

            var times = names.Select(_ => new List<(TimeSpan Issue, TimeSpan Complete)>()).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                for (var k = 0; k < sides.Length; k++)
                {
                    var i = (round + k) % sides.Length;
                    times[i].Add(await sides[i]());
                }

                Console.WriteLine($"  round {round + 1}: " + string.Join("; ", names.Select((name, i) => $"{name} {Ms(times[i][round].Issue)} + {Ms(times[i][round].Complete)}")));
            }

            var medians = times.Select(t => (Issue: Median(t.Select(x => x.Issue)), Complete: Median(t.Select(x => x.Complete)), Total: Median(t.Select(x => x.Issue + x.Complete)))).ToArray();
            for (var i = 0; i < names.Length; i++)
            {
                var ratio = i == 0 ? "" : $"; ratio to ours: issue {Ratio(medians[i].Issue, medians[0].Issue)}, completions {Ratio(medians[i].Complete, medians[0].Complete)}, total {Ratio(medians[i].Total, medians[0].Total)}";
                Console.WriteLine($"{names[i]}: {units.Count:N0} waiting tasks in {Ms(medians[i].Issue)}, {units.Count:N0} completions in {Ms(medians[i].Complete)} " +
                    $"({units.Count / medians[i].Complete.TotalSeconds:N0} per second), total {Ms(medians[i].Total)} (medians of {rounds}){ratio}");
            }

            var best = Math.Min(medians[1].Total.TotalMilliseconds, medians[2].Total.TotalMilliseconds) / medians[0].Total.TotalMilliseconds;
            Console.WriteLine($"Ours against the peer's best model: {best.ToString("F2", CultureInfo.InvariantCulture)}× faster (goal ≥ {Goal}×: {(best >= Goal ? "MET" : "MISSED")}; " +
                "the peer kept nothing on disk, ours committed every step to SQLite)");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    private static string Ratio(TimeSpan peer, TimeSpan ours) => (peer / ours).ToString("F2", CultureInfo.InvariantCulture);
}
